using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// The allow-lists of the <c>outbound-http</c> import, per tenant and component, managed by admins.
/// A change is what the next call on this node checks, and every other node's within
/// <see cref="CachingOptions.PollInterval"/> (it stamps a change, <see cref="HostChanges"/>). Uses the
/// caller's scoped <see cref="HostDbContext"/>, so a tenant-restricted scope only reaches its own lists.
/// </summary>
public sealed partial class OutboundOriginsEditor(
    HostDbContext db, HostChanges changes, TimeProvider time, IOptions<OutboundHttpOptions> options, ILogger<OutboundOriginsEditor> logger)
{
    /// <summary>The most origins one component may be allowed (<see cref="OutboundHttpOptions.MaxOriginsPerComponent"/>).</summary>
    public int MaxOrigins => options.Value.MaxOriginsPerComponent;

    /// <summary>The origins one tenant's component may reach, in order; <see langword="null"/> when the tenant has no such component.</summary>
    public async Task<IReadOnlyList<AllowedOrigin>?> ListAsync(string tenantId, string componentName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(componentName);
        if (!await db.Components.AnyAsync(c => c.TenantId == tenantId && c.Name == componentName, cancellationToken))
        {
            return null;
        }

        return await db.OutboundOrigins.AsNoTracking()
            .Where(o => o.TenantId == tenantId && o.ComponentName == componentName)
            .OrderBy(o => o.Origin)
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Makes <paramref name="origins"/> the component's allow-list. Entries it keeps keep who added them
    /// and when; new ones are recorded as added by <paramref name="actor"/> now.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More distinct origins than <see cref="MaxOrigins"/>.</exception>
    public async Task<OutboundOriginsWriteStatus> ReplaceAsync(
        string tenantId, string componentName, IEnumerable<OutboundOrigin> origins, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(componentName);
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        List<string> wanted = [.. origins.Select(o => o.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        ArgumentOutOfRangeException.ThrowIfGreaterThan(wanted.Count, MaxOrigins, nameof(origins));

        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            return OutboundOriginsWriteStatus.TenantNotFound;
        }

        if (!await db.Components.AnyAsync(c => c.TenantId == tenantId && c.Name == componentName, cancellationToken))
        {
            return OutboundOriginsWriteStatus.ComponentNotFound;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var addedBy = Lengths.Fit(actor, Lengths.Name);
        var strategy = db.Database.CreateExecutionStrategy();
        (List<string> Added, List<string> Removed) change;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                change = await strategy.ExecuteAsync(ct => WriteAsync(tenantId, componentName, wanted, addedBy, now, ct), cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // Another admin's change to this list committed in between (the same origin added
                // twice): read the list again and apply this one over it, last write wins.
            }
        }

        var (added, removed) = change;
        if (added.Count + removed.Count > 0)
        {
            changes.Invalidate();
            LogReplaced(actor, tenantId, componentName, added, removed, wanted.Count);
        }

        return OutboundOriginsWriteStatus.Replaced;
    }

    private async Task<(List<string> Added, List<string> Removed)> WriteAsync(
        string tenantId, string componentName, List<string> wanted, string addedBy, DateTime now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.OutboundOrigins
            .Where(o => o.TenantId == tenantId && o.ComponentName == componentName)
            .Select(o => o.Origin)
            .ToListAsync(cancellationToken);
        List<string> removed = [.. existing.Except(wanted, StringComparer.Ordinal)];
        List<string> added = [.. wanted.Except(existing, StringComparer.Ordinal)];
        if (removed.Count > 0)
        {
            await db.OutboundOrigins
                .Where(o => o.TenantId == tenantId && o.ComponentName == componentName && removed.Contains(o.Origin))
                .ExecuteDeleteAsync(cancellationToken);
        }

        db.OutboundOrigins.AddRange(added.Select(origin => new AllowedOrigin
        {
            TenantId = tenantId,
            ComponentName = componentName,
            Origin = origin,
            AddedBy = addedBy,
            AddedAt = now,
        }));
        await db.SaveChangesAsync(cancellationToken);
        if (added.Count + removed.Count > 0)
        {
            await changes.StampAsync(db, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return (added, removed);
    }
}
