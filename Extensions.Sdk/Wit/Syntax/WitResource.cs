namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>resource name;</c> or <c>resource name { constructor(...); method: func(...); ... }</c>.</summary>
public sealed class WitResource : WitTypeDefinition
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment markers; <see langword="null"/> when there is none.</param>
    /// <param name="gates">The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</param>
    /// <param name="functions">The constructor, methods and static functions, in declaration order.</param>
    public WitResource(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates, IReadOnlyList<WitFunction> functions)
        : base(location, name, docs, gates)
    {
        Functions = functions;
    }

    /// <summary>The constructor, methods and static functions, in declaration order.</summary>
    public IReadOnlyList<WitFunction> Functions { get; }
}
