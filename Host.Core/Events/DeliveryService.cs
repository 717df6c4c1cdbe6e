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
public sealed class DeliveryService
{
    private readonly HostDbContext _db;
    private readonly DeliveryTransitions _transitions;

    internal DeliveryService(HostDbContext db, DeliveryTransitions transitions)
    {
        _db = db;
        _transitions = transitions;
    }

    /// <summary>The most deliveries one list returns.</summary>
    public const int MaxListSize = 500;

    /// <summary>One delivery of the tenant, or null.</summary>
    public Task<OutboxDelivery?> FindAsync(string tenantId, Guid deliveryId, CancellationToken cancellationToken = default) =>
        _db.Deliveries.AsNoTracking().FirstOrDefaultAsync(d => d.TenantId == tenantId && d.Id == deliveryId, cancellationToken);

    /// <summary>The tenant's deliveries, newest first, optionally of one status, at most <paramref name="limit"/> (capped at <see cref="MaxListSize"/>).</summary>
    public Task<List<OutboxDelivery>> ListAsync(string tenantId, DeliveryStatus? status = null, int limit = 100, CancellationToken cancellationToken = default)
    {
        var query = _db.Deliveries.AsNoTracking().Where(d => d.TenantId == tenantId);
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
        var replayed = await Replay(_db.Deliveries.Where(d => d.TenantId == tenantId && d.Id == deliveryId), cancellationToken);
        if (replayed > 0)
        {
            return DeliveryReplayStatus.Replayed;
        }

        return await _db.Deliveries.AnyAsync(d => d.TenantId == tenantId && d.Id == deliveryId, cancellationToken)
            ? DeliveryReplayStatus.NotDeadLettered
            : DeliveryReplayStatus.NotFound;
    }

    /// <summary>Replays every dead-lettered delivery of the tenant, or those of one event type.</summary>
    /// <returns>How many were replayed.</returns>
    public Task<int> ReplayDeadLettersAsync(string tenantId, string? eventType = null, CancellationToken cancellationToken = default)
    {
        var query = _db.Deliveries.Where(d => d.TenantId == tenantId);
        if (eventType is not null)
        {
            query = query.Where(d => d.EventType == eventType);
        }

        return Replay(query, cancellationToken);
    }

    private Task<int> Replay(IQueryable<OutboxDelivery> deliveries, CancellationToken cancellationToken) =>
        _transitions.ReplayAsync(deliveries, cancellationToken);
}
