namespace ExtensibilityHost.Core.Tenants;

/// <summary>A tenant just created, with its first API key (shown this once).</summary>
/// <param name="Tenant">The tenant.</param>
/// <param name="ApiKey">The tenant's API key in clear.</param>
public sealed record CreatedTenant(Tenant Tenant, string ApiKey);
