namespace ExtensibilityHost.Core.Tenants;

/// <summary>Body of <c>POST /api/v1/tenants</c>.</summary>
public sealed record CreateTenantRequest
{
    /// <summary>The tenant id: a lowercase slug, 2–63 characters (<c>[a-z0-9][a-z0-9-]*</c>).</summary>
    public string Id { get; init; } = "";

    /// <summary>Display name, 1–200 characters.</summary>
    public string Name { get; init; } = "";
}
