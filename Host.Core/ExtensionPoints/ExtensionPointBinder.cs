using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>
/// Which component of a tenant serves which extension point. The component need not exist yet (a
/// tenant may bind before uploading); until it has an active version, calls of the point get
/// <see cref="Invocations.ExtensionCallStatus.NotFound"/> or <see cref="Invocations.ExtensionCallStatus.NoActiveVersion"/>.
/// Uses the caller's scoped <see cref="HostDbContext"/>, so a tenant-restricted scope only reaches its own bindings.
/// </summary>
public sealed class ExtensionPointBinder(HostDbContext db, ExtensionPointRegistry registry, HostChanges changes, TimeProvider time)
{
    /// <summary>Binds <paramref name="componentName"/> to <paramref name="point"/> for the tenant, replacing an earlier binding.</summary>
    /// <exception cref="ArgumentException">The component name is empty or too long.</exception>
    public async Task<ExtensionPointBindStatus> BindComponentAsync(
        string tenantId, string point, string componentName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(point);
        ArgumentException.ThrowIfNullOrEmpty(componentName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(componentName.Length, Lengths.Slug, nameof(componentName));
        if (registry.Find(point) is null)
        {
            return ExtensionPointBindStatus.UnknownPoint;
        }

        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            return ExtensionPointBindStatus.TenantNotFound;
        }

        var status = await WriteAsync(tenantId, point, componentName, cancellationToken);
        await changes.StampAsync(db, cancellationToken);
        return status;
    }

    private async Task<ExtensionPointBindStatus> WriteAsync(string tenantId, string point, string componentName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (await UpdateAsync(tenantId, point, componentName, now, cancellationToken))
        {
            return ExtensionPointBindStatus.Updated;
        }

        db.ExtensionPointBindings.Add(new ExtensionPointBinding
        {
            TenantId = tenantId,
            Point = point,
            ComponentName = componentName,
            CreatedAt = now,
            UpdatedAt = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ExtensionPointBindStatus.Created;
        }
        catch (DbUpdateException)
        {
            // Another request bound the point in between: last write wins, as for an update.
            db.ChangeTracker.Clear();
            await UpdateAsync(tenantId, point, componentName, now, cancellationToken);
            return ExtensionPointBindStatus.Updated;
        }
    }

    /// <summary>Removes the tenant's binding of <paramref name="point"/>.</summary>
    /// <returns>Whether there was one.</returns>
    public async Task<bool> UnbindAsync(string tenantId, string point, CancellationToken cancellationToken = default)
    {
        var deleted = await db.ExtensionPointBindings
            .Where(b => b.TenantId == tenantId && b.Point == point)
            .ExecuteDeleteAsync(cancellationToken) > 0;
        if (deleted)
        {
            await changes.StampAsync(db, cancellationToken);
        }

        return deleted;
    }

    /// <summary>The tenant's bindings, by point.</summary>
    public async Task<IReadOnlyList<ExtensionPointBinding>> ListAsync(string tenantId, CancellationToken cancellationToken = default) =>
        await db.ExtensionPointBindings.AsNoTracking()
            .Where(b => b.TenantId == tenantId)
            .OrderBy(b => b.Point)
            .ToListAsync(cancellationToken);

    private async Task<bool> UpdateAsync(string tenantId, string point, string componentName, DateTime now, CancellationToken cancellationToken) =>
        await db.ExtensionPointBindings
            .Where(b => b.TenantId == tenantId && b.Point == point)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ComponentName, componentName).SetProperty(b => b.UpdatedAt, now), cancellationToken) > 0;
}
