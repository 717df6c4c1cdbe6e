namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>One name of a <c>use</c> list or an <c>include ... with</c> list: <c>name</c> or <c>name as alias</c>.</summary>
public sealed class WitUseName : WitNode
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name in the other interface or world.</param>
    /// <param name="alias">The local name given with <c>as</c>, if any.</param>
    public WitUseName(WitLocation location, string name, string? alias)
        : base(location)
    {
        Name = name;
        Alias = alias;
    }

    /// <summary>The name in the other interface or world.</summary>
    public string Name { get; }

    /// <summary>The local name given with <c>as</c>, if any.</summary>
    public string? Alias { get; }

    /// <summary>The name in the local scope: the alias if there is one, else the name.</summary>
    public string LocalName => Alias ?? Name;
}
