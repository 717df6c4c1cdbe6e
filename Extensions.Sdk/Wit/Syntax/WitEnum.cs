using System.Diagnostics.CodeAnalysis;

namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>enum name { case, ... }</c>.</summary>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The WIT type is called enum.")]
public sealed class WitEnum : WitTypeDefinition
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment markers; <see langword="null"/> when there is none.</param>
    /// <param name="gates">The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</param>
    /// <param name="cases">The cases in declaration order.</param>
    public WitEnum(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates, IReadOnlyList<WitMember> cases)
        : base(location, name, docs, gates)
    {
        Cases = cases;
    }

    /// <summary>The cases in declaration order.</summary>
    public IReadOnlyList<WitMember> Cases { get; }
}
