namespace ExtensibilityHost.Core.Tenants;

/// <summary>A customer of the SaaS product whose code the host runs.</summary>
public sealed class Tenant
{
    /// <summary>The tenant's id, a lowercase slug chosen at creation (e.g. <c>acme</c>).</summary>
    public required string Id { get; init; }

    /// <summary>Display name.</summary>
    public required string Name { get; set; }

    /// <summary>When the tenant was created (UTC).</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>Kill switch: when set, none of the tenant's components run.</summary>
    public bool Disabled { get; set; }
}
