namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>use path.{name, name as alias};</c> inside an interface or world.</summary>
public sealed class WitUse : WitNode
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="path">The interface the names come from.</param>
    /// <param name="names">The names brought into scope.</param>
    public WitUse(WitLocation location, WitUsePath path, IReadOnlyList<WitUseName> names)
        : base(location)
    {
        Path = path;
        Names = names;
    }

    /// <summary>The interface the names come from.</summary>
    public WitUsePath Path { get; }

    /// <summary>The names brought into scope.</summary>
    public IReadOnlyList<WitUseName> Names { get; }
}
