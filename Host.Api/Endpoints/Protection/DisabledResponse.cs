namespace ExtensibilityHost.Api.Endpoints;

/// <summary>The state of a kill switch.</summary>
internal sealed record DisabledResponse(string Tenant, string? Component, bool Disabled);
