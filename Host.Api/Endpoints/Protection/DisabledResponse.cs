namespace ExtensibilityHost.Api.Endpoints.Protection;

/// <summary>The state of a kill switch.</summary>
internal sealed record DisabledResponse(string Tenant, string? Component, bool Disabled);
