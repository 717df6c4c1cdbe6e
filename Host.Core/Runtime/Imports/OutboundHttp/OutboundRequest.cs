namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>A guest's request after the host's checks (<see cref="OutboundRequestReader"/>): well-formed and under every cap.</summary>
internal sealed record OutboundRequest
{
    public required HttpMethod Method { get; init; }

    public required Uri Url { get; init; }

    /// <summary>The URL's origin, which the allow-list must hold and the connection must reach.</summary>
    public required OutboundOrigin Origin { get; init; }

    /// <summary>Header fields in the guest's order; names checked against the hop-by-hop and <c>Host</c> headers.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; }

    /// <summary>The body as UTF-8; empty for none.</summary>
    public required byte[] Body { get; init; }
}
