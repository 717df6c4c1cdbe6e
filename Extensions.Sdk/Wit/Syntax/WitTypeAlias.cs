namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>type name = type;</c>.</summary>
public sealed class WitTypeAlias : WitTypeDefinition
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment markers; <see langword="null"/> when there is none.</param>
    /// <param name="gates">The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</param>
    /// <param name="target">The aliased type.</param>
    public WitTypeAlias(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates, WitTypeRef target)
        : base(location, name, docs, gates)
    {
        Target = target;
    }

    /// <summary>The aliased type.</summary>
    public WitTypeRef Target { get; }
}
