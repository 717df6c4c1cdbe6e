namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A named, documented item: an interface, world, type, field, case, function or world import/export.</summary>
public abstract class WitItem : WitNode
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the item's name is.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment before the item, if any.</param>
    /// <param name="gates">The feature gates before the item.</param>
    protected WitItem(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates)
        : base(location)
    {
        Name = name;
        Docs = docs;
        Gates = gates;
    }

    /// <summary>The name as written, without a <c>%</c> escape.</summary>
    public string Name { get; }

    /// <summary>
    /// The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment
    /// markers and one leading space per line; <see langword="null"/> when there is none.
    /// </summary>
    public string? Docs { get; }

    /// <summary>The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</summary>
    public IReadOnlyList<WitGate> Gates { get; }
}
