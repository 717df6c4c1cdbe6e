using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Tenants;

/// <summary>Issues, lists and revokes a tenant's API keys (rotation: issue a new key, move callers, revoke the old one).</summary>
public sealed class ApiKeyService(HostDbContext db, TimeProvider time)
{
    /// <summary>Issues a new key for <paramref name="tenantId"/>; null when the tenant does not exist. The key is in clear only here.</summary>
    public async Task<(ApiKey Key, string Secret)?> IssueAsync(string tenantId, string name, CancellationToken cancellationToken = default)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            return null;
        }

        var secret = ApiKeySecret.Generate();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            IsAdmin = false,
            Prefix = secret.Prefix,
            Hash = secret.Hash,
            Name = name,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, secret.Key);
    }

    /// <summary>The tenant's keys (hashes are never returned), newest first.</summary>
    public Task<List<ApiKey>> ListAsync(string tenantId, CancellationToken cancellationToken = default) =>
        db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.TenantId == tenantId)
            .OrderByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);

    /// <summary>Revokes a key of the tenant at once; false when the tenant has no such key or it is already revoked.</summary>
    public async Task<bool> RevokeAsync(string tenantId, Guid keyId, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return await db.ApiKeys.IgnoreQueryFilters()
            .Where(k => k.Id == keyId && k.TenantId == tenantId && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken) == 1;
    }
}
