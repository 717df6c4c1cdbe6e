namespace ExtensibilityHost.Api.Endpoints.Tenants;

/// <summary>A tenant.</summary>
internal sealed record TenantResponse(string Id, string Name, bool Disabled, DateTime CreatedAt);
