namespace ExtensibilityHost.Api.Endpoints.OutboundOrigins;

/// <summary>Body of <c>PUT …/outbound-origins</c>: the component's whole allow-list.</summary>
internal sealed record SetOutboundOriginsRequest
{
    /// <summary>Origins such as <c>https://api.example.com</c> or <c>http://10.0.0.5:8080</c>; empty allows none.</summary>
    public IReadOnlyList<string?>? Origins { get; init; }
}
