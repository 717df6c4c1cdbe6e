namespace ExtensibilityHost.Sdk.Client;

/// <summary>Who an API key is.</summary>
/// <param name="Admin">An admin key.</param>
/// <param name="Tenant">The tenant a tenant key acts for.</param>
/// <param name="KeyName">The key's name.</param>
/// <param name="KeyId">The key's id.</param>
public sealed record CallerInfo(bool Admin, string? Tenant, string KeyName, Guid? KeyId);
