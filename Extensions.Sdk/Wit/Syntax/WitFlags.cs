namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>flags name { flag, ... }</c>.</summary>
public sealed class WitFlags : WitTypeDefinition
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment markers; <see langword="null"/> when there is none.</param>
    /// <param name="gates">The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</param>
    /// <param name="flags">The flags in declaration order.</param>
    public WitFlags(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates, IReadOnlyList<WitMember> flags)
        : base(location, name, docs, gates)
    {
        Flags = flags;
    }

    /// <summary>The flags in declaration order.</summary>
    public IReadOnlyList<WitMember> Flags { get; }
}
