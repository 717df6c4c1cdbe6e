using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Events;

/// <summary>A tenant's outbox: read deliveries and replay dead letters.</summary>
/// <remarks>
/// A replay makes the delivery <see cref="DeliveryStatus.Pending"/> and due now, with
/// <see cref="OutboxDelivery.Attempts"/> back at 0 (a full retry budget) and
/// <see cref="OutboxDelivery.Replays"/> one higher. The last error stays until the next attempt;
/// every earlier attempt is in the invocation log under the event id.
/// </remarks>
public sealed class DeliveryService(HostDbContext db, TimeProvider time)
{
    /// <summary>The most deliveries one list returns.</summary>
    public const int MaxListSize = 500;

    /// <summary>One delivery of the tenant, or null.</summary>
    public Task<OutboxDelivery?> FindAsync(string tenantId, Guid deliveryId, CancellationToken cancellationToken = default) =>
        db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.TenantId == tenantId && d.Id == deliveryId, cancellationToken);

    /// <summary>The tenant's deliveries, newest first, optionally of one status, at most <paramref name="limit"/> (capped at <see cref="MaxListSize"/>).</summary>
    public Task<List<OutboxDelivery>> ListAsync(string tenantId, DeliveryStatus? status = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        var query = db.Deliveries.AsNoTracking().Where(d => d.TenantId == tenantId);
        if (status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }

        return query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Take(Math.Clamp(limit, 1, MaxListSize))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Replays one dead-lettered delivery.</summary>
    public async Task<DeliveryReplayStatus> ReplayAsync(string tenantId, Guid deliveryId, CancellationToken cancellationToken = default)
    {
        var replayed = await Replay(db.Deliveries.Where(d => d.TenantId == tenantId && d.Id == deliveryId), cancellationToken);
        if (replayed > 0)
        {
            return DeliveryReplayStatus.Replayed;
        }

        return await db.Deliveries.AnyAsync(d => d.TenantId == tenantId && d.Id == deliveryId, cancellationToken)
            ? DeliveryReplayStatus.NotDeadLettered
            : DeliveryReplayStatus.NotFound;
    }

    /// <summary>Replays every dead-lettered delivery of the tenant, or those of one event type.</summary>
    /// <returns>How many were replayed.</returns>
    public Task<int> ReplayDeadLettersAsync(string tenantId, string? eventType = null, CancellationToken cancellationToken = default)
    {
        var query = db.Deliveries.Where(d => d.TenantId == tenantId);
        if (eventType is not null)
        {
            query = query.Where(d => d.EventType == eventType);
        }

        return Replay(query, cancellationToken);
    }

    // One conditional UPDATE: a delivery that is not dead-lettered (any more) is left alone.
    private Task<int> Replay(IQueryable<OutboxDelivery> deliveries, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return deliveries
            .Where(d => d.Status == DeliveryStatus.DeadLettered)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.Replays, d => d.Replays + 1)
                .SetProperty(d => d.NextAttemptAt, now)
                .SetProperty(d => d.CompletedAt, (DateTime?)null)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
    }
}
