namespace ExtensibilityHost.Api.Endpoints.OutboundOrigins;

/// <summary>
/// A component's outbound-http allow-list: <see cref="Origins"/> in canonical form, and for admins
/// who allowed each and when (<see cref="Entries"/>, null for tenants).
/// </summary>
internal sealed record OutboundOriginsResponse(string Tenant, string Component, IReadOnlyList<string> Origins, IReadOnlyList<AllowedOriginResponse>? Entries);
