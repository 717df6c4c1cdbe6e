using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Invocations.Running;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Invocations.Health;

/// <summary>
/// Extension health for the operator: per tenant and component, invocations, failure rate,
/// duration percentiles and outcomes over a window, from the invocation log; the kill switches,
/// suspended versions and dead-lettered deliveries beside them. Read with an unrestricted
/// (admin) scope.
/// </summary>
/// <remarks>
/// Percentiles are computed in memory over at most <see cref="MaxSampledInvocations"/> invocations
/// of the window (the newest), which keeps a page fast on a busy host; counts are exact.
/// </remarks>
public sealed class ExtensionHealth
{
    private readonly HostDbContext _db;
    private readonly TimeProvider _time;
    private readonly InvocationLogWriter _writer;

    internal ExtensionHealth(HostDbContext db, TimeProvider time, InvocationLogWriter writer)
    {
        _db = db;
        _time = time;
        _writer = writer;
    }

    /// <summary>The most invocations whose durations one statistic reads.</summary>
    public const int MaxSampledInvocations = 50_000;

    /// <summary>Every tenant's components with their statistics over the last <paramref name="window"/>, busiest first.</summary>
    public async Task<List<ComponentHealth>> OverviewAsync(TimeSpan window, CancellationToken cancellationToken = default)
    {
        await _writer.FlushAsync(cancellationToken);
        var since = _time.GetUtcNow().UtcDateTime - window;
        var components = await (
            from component in _db.Components.AsNoTracking()
            join tenant in _db.Tenants on component.TenantId equals tenant.Id
            select new { component.Id, component.TenantId, component.Name, component.Disabled, TenantDisabled = tenant.Disabled })
            .ToListAsync(cancellationToken);
        var versions = await _db.Versions.AsNoTracking()
            .Where(v => v.Status == VersionStatus.Active || v.Status == VersionStatus.Suspended)
            .Select(v => new { v.Id, v.ComponentId, v.Number, v.Status, v.StatusReason, v.StatusChangedAt })
            .ToListAsync(cancellationToken);
        var samples = await _db.Invocations.AsNoTracking()
            .Where(r => r.StartedAt >= since)
            .OrderByDescending(r => r.StartedAt)
            .Take(MaxSampledInvocations)
            .Select(r => new { r.TenantId, r.ComponentName, r.Outcome, r.DurationMs })
            .ToListAsync(cancellationToken);
        var byComponent = samples.ToLookup(s => (s.TenantId, s.ComponentName), s => new InvocationSample(s.Outcome, s.DurationMs));

        return components
            .Select(c => new ComponentHealth
            {
                TenantId = c.TenantId,
                ComponentName = c.Name,
                ComponentDisabled = c.Disabled,
                TenantDisabled = c.TenantDisabled,
                ActiveVersion = versions.FirstOrDefault(v => v.ComponentId == c.Id && v.Status == VersionStatus.Active)?.Number,
                Suspended = [.. versions
                    .Where(v => v.ComponentId == c.Id && v.Status == VersionStatus.Suspended)
                    .Select(v => new SuspendedVersion(v.Id, v.Number, v.StatusReason, v.StatusChangedAt))],
                Stats = InvocationStats.Of(byComponent[(c.TenantId, c.Name)]),
            })
            .OrderByDescending(h => h.Stats.Invocations)
            .ThenBy(h => h.TenantId, StringComparer.Ordinal)
            .ThenBy(h => h.ComponentName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One component's statistics over the last <paramref name="window"/> in <paramref name="buckets"/> equal intervals.</summary>
    public async Task<IReadOnlyList<HealthBucket>> SeriesAsync(
        string tenantId, string componentName, TimeSpan window, int buckets, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buckets, 1);
        await _writer.FlushAsync(cancellationToken);
        var end = _time.GetUtcNow().UtcDateTime;
        var start = end - window;
        var samples = await _db.Invocations.AsNoTracking()
            .Where(r => r.TenantId == tenantId && r.ComponentName == componentName && r.StartedAt >= start)
            .OrderByDescending(r => r.StartedAt)
            .Take(MaxSampledInvocations)
            .Select(r => new { r.StartedAt, r.Outcome, r.DurationMs })
            .ToListAsync(cancellationToken);
        var width = window / buckets;
        return [.. Enumerable.Range(0, buckets).Select(i =>
        {
            var from = start + (width * i);
            var to = from + width;
            var inBucket = samples.Where(s => s.StartedAt >= from && (s.StartedAt < to || (i == buckets - 1 && s.StartedAt <= end)));
            return new HealthBucket(from, InvocationStats.Of(inBucket.Select(s => new InvocationSample(s.Outcome, s.DurationMs))));
        })];
    }

    /// <summary>Dead-lettered deliveries of every tenant, newest first.</summary>
    public Task<List<OutboxDelivery>> DeadLettersAsync(int limit, CancellationToken cancellationToken = default) =>
        _db.Deliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.DeadLettered)
            .OrderByDescending(d => d.CompletedAt)
            .Take(limit)
            .ToListAsync(cancellationToken);
}
