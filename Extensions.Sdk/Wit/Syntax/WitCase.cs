namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A case of a variant.</summary>
public sealed class WitCase : WitItem
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment markers; <see langword="null"/> when there is none.</param>
    /// <param name="gates">The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</param>
    /// <param name="payload">The payload type; <see langword="null"/> for a case without payload.</param>
    public WitCase(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates, WitTypeRef? payload)
        : base(location, name, docs, gates)
    {
        Payload = payload;
    }

    /// <summary>The payload type; <see langword="null"/> for a case without payload.</summary>
    public WitTypeRef? Payload { get; }
}
