namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>interface name { ... }</c>, or an inline <c>import name: interface { ... }</c> of a world.</summary>
public sealed class WitInterface : WitItem
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment markers; <see langword="null"/> when there is none.</param>
    /// <param name="gates">The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</param>
    /// <param name="uses">The <c>use</c> items.</param>
    /// <param name="types">The type definitions in declaration order.</param>
    /// <param name="functions">The functions in declaration order.</param>
    public WitInterface(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates, IReadOnlyList<WitUse> uses, IReadOnlyList<WitTypeDefinition> types, IReadOnlyList<WitFunction> functions)
        : base(location, name, docs, gates)
    {
        Uses = uses;
        Types = types;
        Functions = functions;
    }

    /// <summary>The <c>use</c> items.</summary>
    public IReadOnlyList<WitUse> Uses { get; }

    /// <summary>The type definitions in declaration order.</summary>
    public IReadOnlyList<WitTypeDefinition> Types { get; }

    /// <summary>The functions in declaration order.</summary>
    public IReadOnlyList<WitFunction> Functions { get; }
}
