namespace ExtensibilityHost.Core.Tenants;

/// <summary>Who presented a valid API key.</summary>
/// <param name="KeyId">The key's id.</param>
/// <param name="KeyName">The key's name (recorded as the actor of decisions).</param>
/// <param name="IsAdmin">Whether it is an admin key.</param>
/// <param name="TenantId">The tenant a tenant key acts for; null for admin keys.</param>
public sealed record ApiCaller(Guid KeyId, string KeyName, bool IsAdmin, string? TenantId);
