using System.Security.Cryptography;
using System.Text;
using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Tenants;

/// <summary>Checks a presented API key against the stored hashes.</summary>
public sealed class ApiKeyAuthenticator(HostDbContext db)
{
    /// <summary>The caller the key belongs to, or null when it is unknown, revoked or its tenant is gone.</summary>
    public async Task<ApiCaller?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presentedKey);
        if (presentedKey.Length < ApiKeySecret.PrefixLength || presentedKey.Length > 256)
        {
            return null;
        }

        var prefix = presentedKey[..ApiKeySecret.PrefixLength];
        var candidates = await db.ApiKeys.IgnoreQueryFilters().AsNoTracking()
            .Where(k => k.Prefix == prefix && k.RevokedAt == null)
            .ToListAsync(cancellationToken);
        var presentedHash = Encoding.ASCII.GetBytes(ApiKeySecret.HashOf(presentedKey));
        foreach (var key in candidates)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, Encoding.ASCII.GetBytes(key.Hash)))
            {
                return new ApiCaller(key.Id, key.Name, key.IsAdmin, key.TenantId);
            }
        }

        return null;
    }
}
