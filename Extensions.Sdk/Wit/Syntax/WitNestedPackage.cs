namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>package namespace:name@version { ... }</c>: a further package defined inline in a file.</summary>
public sealed class WitNestedPackage : WitNode
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The package name.</param>
    /// <param name="docs">The doc comment before <c>package</c>, if any.</param>
    /// <param name="uses">The top-level <c>use</c> items of the block.</param>
    /// <param name="interfaces">The interfaces.</param>
    /// <param name="worlds">The worlds.</param>
    /// <param name="sourceText">The text of the whole block, to tell identical duplicates from conflicting ones.</param>
    public WitNestedPackage(WitLocation location, WitPackageName name, string? docs, IReadOnlyList<WitTopLevelUse> uses, IReadOnlyList<WitInterface> interfaces, IReadOnlyList<WitWorld> worlds, string sourceText)
        : base(location)
    {
        Name = name;
        Docs = docs;
        Uses = uses;
        Interfaces = interfaces;
        Worlds = worlds;
        SourceText = sourceText;
    }

    /// <summary>The package name.</summary>
    public WitPackageName Name { get; }

    /// <summary>The doc comment before <c>package</c>, if any.</summary>
    public string? Docs { get; }

    /// <summary>The top-level <c>use</c> items of the block.</summary>
    public IReadOnlyList<WitTopLevelUse> Uses { get; }

    /// <summary>The interfaces.</summary>
    public IReadOnlyList<WitInterface> Interfaces { get; }

    /// <summary>The worlds.</summary>
    public IReadOnlyList<WitWorld> Worlds { get; }

    /// <summary>The text of the whole block, to tell identical duplicates from conflicting ones.</summary>
    public string SourceText { get; }
}
