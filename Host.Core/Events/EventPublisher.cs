using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using FluentValidation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Routes a domain event to its tenant's subscriptions: checks it (<see cref="DomainEventValidator"/>),
/// runs the sync handlers (<see cref="SyncHandlerChain"/>), then writes one outbox row per async
/// subscription (<see cref="OutboxWriter"/>), in the caller's transaction.
/// </summary>
internal sealed partial class EventPublisher(
    HostDbContext db,
    IValidator<DomainEvent> validator,
    SubscriptionRoutes routes,
    SyncHandlerChain syncHandlers,
    OutboxWriter outbox,
    ILogger<EventPublisher> logger) : IEventPublisher
{
    public async Task<EventPublishResult> PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var validation = await validator.ValidateAsync(domainEvent, cancellationToken);
        if (!validation.IsValid)
        {
            var reason = string.Join(" ", validation.Errors.Select(e => e.ErrorMessage));
            LogRefused(domainEvent.EventType, domainEvent.EventId, domainEvent.TenantId, reason);
            return new EventPublishResult
            {
                EventId = domainEvent.EventId,
                Status = EventPublishStatus.Refused,
                Payload = domainEvent.Payload,
                Reason = reason,
                Decisions = [],
                DeliveryIds = [],
            };
        }

        var subscriptions = await routes.ForAsync(domainEvent.TenantId, domainEvent.EventType, cancellationToken);
        if (subscriptions.Length == 0)
        {
            return new EventPublishResult
            {
                EventId = domainEvent.EventId,
                Status = EventPublishStatus.Proceeded,
                Payload = domainEvent.Payload,
                Decisions = [],
                DeliveryIds = [],
            };
        }

        if (db.InSqliteTransaction && Array.Exists(subscriptions, s => s.Mode == SubscriptionMode.Sync))
        {
            // SQLite has one writer: the runner records each invocation in a transaction of its own,
            // which would wait for this one while this one waits for the handler.
            throw new InvalidOperationException(
                $"Event {domainEvent.EventType} has sync subscriptions and was published inside an open SQLite transaction. "
                + "On SQLite, publish events with sync subscribers outside write transactions; SQL Server has no such limit.");
        }

        var chain = await syncHandlers.RunAsync(domainEvent, subscriptions.Where(s => s.Mode == SubscriptionMode.Sync), cancellationToken);
        if (chain.Stopped is { } stopped)
        {
            LogVetoed(domainEvent.EventType, domainEvent.EventId, domainEvent.TenantId, stopped.ComponentName, stopped.Reason);
            return new EventPublishResult
            {
                EventId = domainEvent.EventId,
                Status = EventPublishStatus.Vetoed,
                Payload = chain.Payload,
                Reason = stopped.Reason,
                VetoedBy = stopped.ComponentName,
                Decisions = chain.Decisions,
                DeliveryIds = [],
            };
        }

        var asyncSubscriptions = Array.FindAll(subscriptions, s => s.Mode == SubscriptionMode.Async).ToList();
        return new EventPublishResult
        {
            EventId = domainEvent.EventId,
            Status = EventPublishStatus.Proceeded,
            Payload = chain.Payload,
            Decisions = chain.Decisions,
            DeliveryIds = asyncSubscriptions.Count == 0 ? [] : await outbox.EnqueueAsync(domainEvent, chain.Payload, asyncSubscriptions, cancellationToken),
        };
    }
}
