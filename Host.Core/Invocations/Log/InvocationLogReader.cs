using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>
/// Reads a tenant's invocation log — after the records still queued on this node are written
/// (<see cref="InvocationLogWriter.FlushAsync"/>), so every call that has returned here is in it.
/// </summary>
public sealed class InvocationLogReader
{
    private readonly HostDbContext _db;
    private readonly InvocationLogWriter _writer;

    internal InvocationLogReader(HostDbContext db, InvocationLogWriter writer)
    {
        _db = db;
        _writer = writer;
    }

    /// <summary>One invocation of the tenant's code, or null.</summary>
    public async Task<InvocationRecord?> FindAsync(string tenantId, Guid invocationId, CancellationToken cancellationToken = default)
    {
        await _writer.FlushAsync(cancellationToken);
        return await _db.Invocations.AsNoTracking().FirstOrDefaultAsync(i => i.TenantId == tenantId && i.Id == invocationId, cancellationToken);
    }

    /// <summary>A page of <paramref name="tenantId"/>'s invocations matching <paramref name="query"/>, newest first.</summary>
    public async Task<InvocationPage> QueryAsync(string tenantId, InvocationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await _writer.FlushAsync(cancellationToken);
        var records = _db.Invocations.AsNoTracking().Where(i => i.TenantId == tenantId);
        if (query.Component is { } component)
        {
            records = records.Where(i => i.ComponentName == component);
        }

        if (query.Outcome is { } outcome)
        {
            records = records.Where(i => i.Outcome == outcome);
        }

        if (query.EventId is { } eventId)
        {
            records = records.Where(i => i.EventId == eventId);
        }

        if (query.VersionId is { } versionId)
        {
            records = records.Where(i => i.VersionId == versionId);
        }

        if (query.From is { } from)
        {
            records = records.Where(i => i.StartedAt >= from);
        }

        if (query.To is { } to)
        {
            records = records.Where(i => i.StartedAt < to);
        }

        var limit = Math.Clamp(query.Limit, 1, InvocationQuery.MaxLimit);
        var offset = Math.Max(0, query.Offset);
        // One more than the page tells whether there is a next page without a count query.
        var items = await records
            .OrderByDescending(i => i.StartedAt).ThenByDescending(i => i.Id)
            .Skip(offset).Take(limit + 1)
            .ToListAsync(cancellationToken);
        var hasMore = items.Count > limit;
        return new InvocationPage(hasMore ? items[..limit] : items, hasMore ? offset + limit : null);
    }
}
