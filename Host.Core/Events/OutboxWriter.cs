using ExtensibilityHost.Core.Persistence;
using System.Transactions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Writes an event's async deliveries to the outbox — one row per subscription — with the scoped
/// <see cref="HostDbContext"/>, so they commit or roll back with the caller's transaction; without
/// one, on SQLite, through <see cref="OutboxCommitQueue"/> (many publishers, one commit). An
/// event id published again (a retried operation) is not delivered twice: the rows already
/// written for it are the answer for their subscriptions.
/// </summary>
internal sealed class OutboxWriter(HostDbContext db, OutboxCommitQueue commits, IOptions<PersistenceOptions> persistence, TimeProvider time)
{
    public async Task<IReadOnlyList<Guid>> EnqueueAsync(
        DomainEvent domainEvent, string payload, List<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        // Outside any transaction of the caller's, on SQLite, rows of concurrent publishers commit
        // together (one transaction for many events).
        if (persistence.Value.Provider == DatabaseProvider.Sqlite && Transaction.Current is null && !db.InSqliteTransaction)
        {
            return await commits.WriteAsync(domainEvent, payload, subscriptions, cancellationToken);
        }


        // Publishing the same event again (a retried operation) must not deliver it twice: the
        // rows already written for this event id are the answer for their subscriptions.
        var subscriptionIds = subscriptions.ConvertAll(s => s.Id);
        var existing = await db.Deliveries.AsNoTracking()
            .Where(d => d.EventId == domainEvent.EventId && subscriptionIds.Contains(d.SubscriptionId))
            .Select(d => new { d.SubscriptionId, d.Id })
            .ToDictionaryAsync(d => d.SubscriptionId, d => d.Id, cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> ids = [];
        foreach (var subscription in subscriptions)
        {
            if (existing.TryGetValue(subscription.Id, out var existingId))
            {
                ids.Add(existingId);
                continue;
            }

            var delivery = Row(domainEvent, payload, subscription, now);
            db.Deliveries.Add(delivery);
            ids.Add(delivery.Id);
        }

        // Inside the caller's transaction when it has one (Database.BeginTransaction, UseTransaction
        // or an ambient TransactionScope): the rows commit or roll back with its own writes.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return ids;
        }
        catch (DbUpdateException)
        {
            // The same event id published concurrently: the unique index (event id, subscription)
            // let the other publisher's rows in first. They are the answer, as for a retry; any
            // other failure is rethrown.
            if (await AllEnqueuedAsync(domainEvent.EventId, subscriptionIds, cancellationToken) is { } raced)
            {
                return raced;
            }

            throw;
        }
    }

    /// <summary>A new pending delivery of the event to the subscription, due now.</summary>
    public static OutboxDelivery Row(DomainEvent domainEvent, string payload, Subscription subscription, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = domainEvent.TenantId,
        EventId = domainEvent.EventId,
        EventType = domainEvent.EventType,
        Payload = payload,
        OccurredAt = domainEvent.OccurredAt.UtcDateTime,
        Depth = domainEvent.Depth,
        CorrelationId = domainEvent.CorrelationId,
        SubscriptionId = subscription.Id,
        ComponentName = subscription.ComponentName,
        Status = DeliveryStatus.Pending,
        NextAttemptAt = now,
        CreatedAt = now,
    };

    private async Task<IReadOnlyList<Guid>?> AllEnqueuedAsync(string eventId, List<Guid> subscriptionIds, CancellationToken cancellationToken)
    {
        foreach (var entry in db.ChangeTracker.Entries<OutboxDelivery>().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }

        var rows = await db.Deliveries.AsNoTracking()
            .Where(d => d.EventId == eventId && subscriptionIds.Contains(d.SubscriptionId))
            .Select(d => new { d.SubscriptionId, d.Id })
            .ToDictionaryAsync(d => d.SubscriptionId, d => d.Id, cancellationToken);
        return subscriptionIds.TrueForAll(rows.ContainsKey) ? subscriptionIds.ConvertAll(id => rows[id]) : null;
    }
}
