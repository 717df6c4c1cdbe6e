using ExtensibilityHost.Core.Caching;
using System.Data.Common;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Persistence.Configurations;
using ExtensibilityHost.Core.Reviews;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Invocations.Protection;

/// <summary>
/// What admins do about misbehaving tenant code: re-enable a version the circuit breaker suspended,
/// and the kill switches of a tenant or a component (which stop it at the next call, on every node).
/// Uses the caller's scoped <see cref="HostDbContext"/>, so a tenant-restricted scope only reaches its own rows.
/// </summary>
public sealed partial class ExtensionProtection(HostDbContext db, HostChanges changes, TimeProvider time, ILogger<ExtensionProtection> logger)
{
    /// <summary>
    /// Makes a suspended version active again with its failure count reset, and audits the decision
    /// (<see cref="ReviewDecision.Reenabled"/>, by <paramref name="actor"/>).
    /// </summary>
    /// <param name="versionId">The suspended version.</param>
    /// <param name="actor">Who re-enables it (the admin key's name).</param>
    /// <param name="reason">Why, for the audit trail.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    public async Task<VersionReenableStatus> ReenableAsync(Guid versionId, string actor, string? reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var version = await db.Versions.AsNoTracking()
            .Where(v => v.Id == versionId)
            .Select(v => new { v.TenantId, v.ComponentId, v.ComponentName, v.Number, v.Status })
            .FirstOrDefaultAsync(cancellationToken);
        if (version is null)
        {
            return VersionReenableStatus.NotFound;
        }

        if (version.Status != VersionStatus.Suspended)
        {
            return VersionReenableStatus.NotSuspended;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var stamp = Guid.NewGuid();
        var strategy = db.Database.CreateExecutionStrategy();
        var status = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.Versions.AnyAsync(v => v.ComponentId == version.ComponentId && v.Status == VersionStatus.Active, ct))
            {
                return VersionReenableStatus.AnotherVersionActive;
            }

            int updated;
            try
            {
                // Conditional on Suspended, so of two racing re-enables exactly one is audited.
                updated = await db.Versions
                    .Where(v => v.Id == versionId && v.Status == VersionStatus.Suspended)
                    .ExecuteUpdateAsync(
                        s => s
                            .SetProperty(v => v.Status, VersionStatus.Active)
                            .SetProperty(v => v.StatusReason, (string?)null)
                            .SetProperty(v => v.StatusChangedAt, now)
                            .SetProperty(v => v.ConsecutiveFailures, 0)
                            .SetProperty(v => v.ConcurrencyStamp, stamp),
                        ct);
            }
            catch (DbException)
            {
                // The one-active-version index refused it: a version was approved in between.
                if (await AnotherVersionActiveAsync(version.ComponentId, versionId))
                {
                    return VersionReenableStatus.AnotherVersionActive;
                }

                throw;
            }

            if (updated == 0)
            {
                return VersionReenableStatus.NotSuspended;
            }

            db.Reviews.Add(new Review
            {
                Id = Guid.CreateVersion7(),
                TenantId = version.TenantId,
                VersionId = versionId,
                Decision = ReviewDecision.Reenabled,
                Reason = reason is null ? null : Lengths.Fit(reason, Lengths.Reason),
                Actor = Lengths.Fit(actor, Lengths.Name),
                At = now,
            });
            await db.SaveChangesAsync(ct);
            await changes.StampAsync(db, ct);
            await transaction.CommitAsync(ct);
            changes.Invalidate();
            return VersionReenableStatus.Reenabled;
        }, cancellationToken);

        if (status == VersionReenableStatus.Reenabled)
        {
            LogReenabled(version.TenantId, version.ComponentName, version.Number, actor);
        }

        return status;
    }

    /// <summary>Turns a tenant's kill switch on or off: while on, none of its components run.</summary>
    /// <returns>Whether the tenant exists.</returns>
    public async Task<bool> SetTenantDisabledAsync(string tenantId, bool disabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        var found = await db.Tenants
            .Where(t => t.Id == tenantId)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Disabled, disabled), cancellationToken) > 0;
        if (found)
        {
            await changes.StampAsync(db, cancellationToken);
            LogTenantSwitch(tenantId, disabled);
        }

        return found;
    }

    /// <summary>Turns a component's kill switch on or off: while on, no version of it runs.</summary>
    /// <returns>Whether the component exists.</returns>
    public async Task<bool> SetComponentDisabledAsync(string tenantId, string componentName, bool disabled, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(componentName);
        var found = await db.Components
            .Where(c => c.TenantId == tenantId && c.Name == componentName)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Disabled, disabled), cancellationToken) > 0;
        if (found)
        {
            await changes.StampAsync(db, cancellationToken);
            LogComponentSwitch(tenantId, componentName, disabled);
        }

        return found;
    }

    private Task<bool> AnotherVersionActiveAsync(Guid componentId, Guid versionId) =>
        db.Versions.AnyAsync(v => v.ComponentId == componentId && v.Id != versionId && v.Status == VersionStatus.Active);
}
