using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Versions;

/// <summary>
/// Reads components and versions. Tenant-facing reads take the tenant explicitly and are also
/// filtered by the request's tenant scope; by-id reads are for admins.
/// </summary>
public sealed class VersionCatalog(HostDbContext db)
{
    /// <summary>The tenant's components by name, with version counts and the active version.</summary>
    public async Task<List<ComponentSummary>> ListComponentsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var components = await db.Components.AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);
        var versions = await db.Versions.AsNoTracking()
            .Where(v => v.TenantId == tenantId)
            .Select(v => new { v.ComponentId, v.Number, v.Status })
            .ToListAsync(cancellationToken);
        var byComponent = versions.ToLookup(v => v.ComponentId);
        return components.ConvertAll(c =>
        {
            var own = byComponent[c.Id].ToList();
            return new ComponentSummary(
                c.Name,
                c.CreatedAt,
                c.Disabled,
                own.Count,
                own.Count == 0 ? 0 : own.Max(v => v.Number),
                own.Find(v => v.Status == VersionStatus.Active)?.Number);
        });
    }

    /// <summary>The component's versions, oldest first; null when the tenant has no such component.</summary>
    public async Task<List<ComponentVersion>?> ListVersionsAsync(string tenantId, string componentName, CancellationToken cancellationToken)
    {
        if (!await db.Components.AnyAsync(c => c.TenantId == tenantId && c.Name == componentName, cancellationToken))
        {
            return null;
        }

        return await db.Versions.AsNoTracking()
            .Where(v => v.TenantId == tenantId && v.ComponentName == componentName)
            .OrderBy(v => v.Number)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One version of the tenant's component by number, or null.</summary>
    public Task<ComponentVersion?> FindVersionAsync(string tenantId, string componentName, int number, CancellationToken cancellationToken) =>
        db.Versions.AsNoTracking().FirstOrDefaultAsync(
            v => v.TenantId == tenantId && v.ComponentName == componentName && v.Number == number, cancellationToken);

    /// <summary>A version by id, or null (admin).</summary>
    public Task<ComponentVersion?> FindAsync(Guid versionId, CancellationToken cancellationToken) =>
        db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken);

    /// <summary>Versions in <paramref name="status"/>, oldest first, each with its diff against its component's active version (admin).</summary>
    public async Task<List<ReviewQueueEntry>> ReviewQueueAsync(VersionStatus status, CancellationToken cancellationToken)
    {
        var versions = await db.Versions.AsNoTracking()
            .Where(v => v.Status == status)
            .OrderBy(v => v.CreatedAt)
            .ThenBy(v => v.Id)
            .ToListAsync(cancellationToken);
        var componentIds = versions.Select(v => v.ComponentId).Distinct().ToList();
        var active = await db.Versions.AsNoTracking()
            .Where(v => v.Status == VersionStatus.Active && componentIds.Contains(v.ComponentId))
            .ToDictionaryAsync(v => v.ComponentId, cancellationToken);
        return versions.ConvertAll(v => new ReviewQueueEntry(v, CapabilityDiff.Between(v, active.GetValueOrDefault(v.ComponentId))));
    }
}
