namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>An import or export of a world: a named interface (<c>import ns:pkg/iface@1.0.0;</c>, <c>import iface;</c>, <c>import name: ns:pkg/iface;</c>), a function (<c>export run: func();</c>) or an inline interface (<c>import host: interface { ... }</c>). <see cref="WitItem.Name"/> is the plain name, or the path as written for a named interface without one.</summary>
public sealed class WitWorldExtern : WitItem
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment markers; <see langword="null"/> when there is none.</param>
    /// <param name="gates">The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</param>
    /// <param name="path">The named interface, if it is one.</param>
    /// <param name="function">The function, if it is one.</param>
    /// <param name="interface">The inline interface, if it is one.</param>
    public WitWorldExtern(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates, WitUsePath? path, WitFunction? function, WitInterface? @interface)
        : base(location, name, docs, gates)
    {
        Path = path;
        Function = function;
        Interface = @interface;
    }

    /// <summary>The named interface, if it is one.</summary>
    public WitUsePath? Path { get; }

    /// <summary>The function, if it is one.</summary>
    public WitFunction? Function { get; }

    /// <summary>The inline interface, if it is one.</summary>
    public WitInterface? Interface { get; }
}
