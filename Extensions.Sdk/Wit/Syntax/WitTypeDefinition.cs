namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A named type defined in an interface or world: record, variant, enum, flags, resource or alias.</summary>
public abstract class WitTypeDefinition : WitItem
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment markers; <see langword="null"/> when there is none.</param>
    /// <param name="gates">The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</param>
    protected WitTypeDefinition(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates)
        : base(location, name, docs, gates)
    {
    }
}
