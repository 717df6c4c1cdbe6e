using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Tenants;

/// <summary>Creates and reads tenants.</summary>
public sealed class TenantService(HostDbContext db, HostChanges changes, TimeProvider time)
{
    /// <summary>Creates a tenant and its first API key; null when the id is taken.</summary>
    public async Task<CreatedTenant?> CreateAsync(CreateTenantRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.Tenants.AnyAsync(t => t.Id == request.Id, cancellationToken))
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var tenant = new Tenant { Id = request.Id, Name = request.Name, CreatedAt = now };
        var secret = ApiKeySecret.Generate();
        db.Tenants.Add(tenant);
        db.ApiKeys.Add(new ApiKey
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenant.Id,
            IsAdmin = false,
            Prefix = secret.Prefix,
            Hash = secret.Hash,
            Name = $"{tenant.Id} key",
            CreatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race for the same id: the primary key decided.
            db.ChangeTracker.Clear();
            return null;
        }

        // Calls naming this tenant were "no such tenant" until now.
        await changes.StampAsync(db, cancellationToken);
        return new CreatedTenant(tenant, secret.Key);
    }

    /// <summary>The tenant, or null.</summary>
    public Task<Tenant?> FindAsync(string tenantId, CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == tenantId, cancellationToken);

    /// <summary>All tenants, by id.</summary>
    public Task<List<Tenant>> ListAsync(CancellationToken cancellationToken) =>
        db.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
}
