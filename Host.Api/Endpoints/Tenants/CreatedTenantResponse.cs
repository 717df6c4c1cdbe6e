namespace ExtensibilityHost.Api.Endpoints.Tenants;

/// <summary>A tenant just created, with its API key (shown once; store it).</summary>
internal sealed record CreatedTenantResponse(string Id, string Name, string ApiKey, DateTime CreatedAt);
