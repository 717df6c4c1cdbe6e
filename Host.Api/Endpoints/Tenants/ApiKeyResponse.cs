using ExtensibilityHost.Core.Tenants;

namespace ExtensibilityHost.Api.Endpoints.Tenants;

/// <summary>An API key as listed: never the key or its hash, only its prefix.</summary>
internal sealed record ApiKeyResponse(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime? RevokedAt)
{
    public static ApiKeyResponse From(ApiKey key) => new(
        key.Id, key.Name, key.Prefix, key.CreatedAt, key.RevokedAt);
}
