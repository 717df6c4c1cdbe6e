namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>use namespace:package/interface@version as name;</c> at the top of a file: a file-scoped name for an interface.</summary>
public sealed class WitTopLevelUse : WitNode
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="path">The interface.</param>
    /// <param name="alias">The name given with <c>as</c>, if any.</param>
    public WitTopLevelUse(WitLocation location, WitUsePath path, string? alias)
        : base(location)
    {
        Path = path;
        Alias = alias;
    }

    /// <summary>The interface.</summary>
    public WitUsePath Path { get; }

    /// <summary>The name given with <c>as</c>, if any.</summary>
    public string? Alias { get; }

    /// <summary>The name in the file's scope: the alias if there is one, else the interface name.</summary>
    public string LocalName => Alias ?? Path.Name;
}
