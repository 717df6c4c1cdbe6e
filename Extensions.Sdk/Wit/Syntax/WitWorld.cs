namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>world name { ... }</c>.</summary>
public sealed class WitWorld : WitItem
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment markers; <see langword="null"/> when there is none.</param>
    /// <param name="gates">The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</param>
    /// <param name="imports">The imports in declaration order.</param>
    /// <param name="exports">The exports in declaration order.</param>
    /// <param name="includes">The included worlds.</param>
    /// <param name="uses">The <c>use</c> items.</param>
    /// <param name="types">The type definitions.</param>
    public WitWorld(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates, IReadOnlyList<WitWorldExtern> imports, IReadOnlyList<WitWorldExtern> exports, IReadOnlyList<WitInclude> includes, IReadOnlyList<WitUse> uses, IReadOnlyList<WitTypeDefinition> types)
        : base(location, name, docs, gates)
    {
        Imports = imports;
        Exports = exports;
        Includes = includes;
        Uses = uses;
        Types = types;
    }

    /// <summary>The imports in declaration order.</summary>
    public IReadOnlyList<WitWorldExtern> Imports { get; }

    /// <summary>The exports in declaration order.</summary>
    public IReadOnlyList<WitWorldExtern> Exports { get; }

    /// <summary>The included worlds.</summary>
    public IReadOnlyList<WitInclude> Includes { get; }

    /// <summary>The <c>use</c> items.</summary>
    public IReadOnlyList<WitUse> Uses { get; }

    /// <summary>The type definitions.</summary>
    public IReadOnlyList<WitTypeDefinition> Types { get; }
}
