using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Routes a domain event to its tenant's subscriptions: sync handlers inline in rank order, then
/// one outbox row per async subscription, saved by the scoped <see cref="HostDbContext"/> so that
/// they commit or roll back with the caller's transaction.
/// </summary>
internal sealed partial class EventPublisher(
    HostDbContext db,
    IExtensionRunner runner,
    IValidator<DomainEvent> validator,
    IOptions<EventOptions> options,
    TimeProvider time,
    ILogger<EventPublisher> logger) : IEventPublisher
{
    public async Task<EventPublishResult> PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var result = await DispatchAsync(domainEvent, cancellationToken);
        domainEvent.Result = result;
        return result;
    }

    private async Task<EventPublishResult> DispatchAsync(DomainEvent domainEvent, CancellationToken cancellationToken)
    {
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

        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.TenantId == domainEvent.TenantId && s.EventType == domainEvent.EventType)
            .OrderBy(s => s.Rank).ThenBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);

        if (db.Database.IsSqlite() && db.Database.CurrentTransaction is not null && subscriptions.Exists(s => s.Mode == SubscriptionMode.Sync))
        {
            // SQLite has one writer: the runner records each invocation in a transaction of its own,
            // which would wait for this one while this one waits for the handler.
            throw new InvalidOperationException(
                $"Event {domainEvent.EventType} has sync subscriptions and was published inside an open SQLite transaction. "
                + "On SQLite, publish events with sync subscribers outside write transactions; SQL Server has no such limit.");
        }

        var payload = domainEvent.Payload;
        List<SyncHandlerDecision> decisions = [];
        foreach (var subscription in subscriptions.Where(s => s.Mode == SubscriptionMode.Sync))
        {
            var decision = await RunSyncHandlerAsync(domainEvent, subscription, payload, cancellationToken);
            decisions.Add(decision);
            if (decision.StoppedTheOperation)
            {
                LogVetoed(domainEvent.EventType, domainEvent.EventId, domainEvent.TenantId, subscription.ComponentName, decision.Reason);
                return new EventPublishResult
                {
                    EventId = domainEvent.EventId,
                    Status = EventPublishStatus.Vetoed,
                    Payload = payload,
                    Reason = decision.Reason,
                    VetoedBy = subscription.ComponentName,
                    Decisions = decisions,
                    DeliveryIds = [],
                };
            }

            if (decision.Decision == SyncDecisionKind.Replace)
            {
                payload = decision.ReplacementPayload!;
            }
        }

        var asyncSubscriptions = subscriptions.Where(s => s.Mode == SubscriptionMode.Async).ToList();
        var deliveryIds = asyncSubscriptions.Count == 0
            ? []
            : await EnqueueAsync(domainEvent, payload, asyncSubscriptions, cancellationToken);
        return new EventPublishResult
        {
            EventId = domainEvent.EventId,
            Status = EventPublishStatus.Proceeded,
            Payload = payload,
            Decisions = decisions,
            DeliveryIds = deliveryIds,
        };
    }

    private async Task<SyncHandlerDecision> RunSyncHandlerAsync(
        DomainEvent domainEvent, Subscription subscription, string payload, CancellationToken cancellationToken)
    {
        // The publisher is waiting: a tenant at its concurrency limit is a failure now, not a queue.
        var run = await runner.RunAsync(new ExtensionRunRequest
        {
            TenantId = domainEvent.TenantId,
            ComponentName = subscription.ComponentName,
            Target = EventHandlerCall.Target,
            Arguments = [EventHandlerCall.Event(domainEvent.EventId, domainEvent.EventType, domainEvent.TenantId, domainEvent.OccurredAt, payload)],
            Label = EventHandlerCall.Label(domainEvent.EventType),
            EventId = domainEvent.EventId,
            WaitForSlot = false,
        }, cancellationToken);

        switch (run.Status)
        {
            case ExtensionRunStatus.Ran:
                break;
            case ExtensionRunStatus.ConcurrencyLimited:
                return Failed(subscription, $"tenant '{domainEvent.TenantId}' is at its concurrency limit", outcome: null, invocationId: null);
            default:
                return new SyncHandlerDecision
                {
                    SubscriptionId = subscription.Id,
                    ComponentName = subscription.ComponentName,
                    Decision = SyncDecisionKind.Skipped,
                    Reason = run.Reason ?? run.Status.ToString(),
                };
        }

        var invocation = run.Invocation!;
        var outcome = invocation.Outcome.ToWireName();
        if (invocation.Outcome != InvocationOutcome.Ok)
        {
            var error = EventHandlerCall.Failure(invocation.Output) ?? invocation.Error ?? outcome;
            return Failed(subscription, $"{outcome}: {error}", outcome, run.InvocationId);
        }

        switch (EventHandlerCall.Decision(invocation.Output))
        {
            case ("proceed", _):
                return Decided(subscription, SyncDecisionKind.Proceed, outcome, run.InvocationId);
            case ("veto", var reason):
                return Decided(subscription, SyncDecisionKind.Veto, outcome, run.InvocationId) with
                {
                    Reason = string.IsNullOrEmpty(reason) ? $"vetoed by '{subscription.ComponentName}'" : reason,
                };
            case ("replace", { } replacement):
                return JsonPayload.Problem(replacement, options.Value.MaxPayloadBytes) is { } problem
                    ? Failed(subscription, "invalid replacement: " + problem, outcome, run.InvocationId)
                    : Decided(subscription, SyncDecisionKind.Replace, outcome, run.InvocationId) with { ReplacementPayload = replacement };
            default:
                return Failed(subscription, "the handler returned something other than a decision", outcome, run.InvocationId);
        }
    }

    private static SyncHandlerDecision Decided(Subscription subscription, SyncDecisionKind decision, string outcome, Guid? invocationId) => new()
    {
        SubscriptionId = subscription.Id,
        ComponentName = subscription.ComponentName,
        Decision = decision,
        Outcome = outcome,
        InvocationId = invocationId,
    };

    private SyncHandlerDecision Failed(Subscription subscription, string error, string? outcome, Guid? invocationId)
    {
        var policy = subscription.OnFailure ?? options.Value.SyncFailurePolicy;
        LogHandlerFailed(subscription.TenantId, subscription.ComponentName, subscription.EventType, error, policy);
        return new SyncHandlerDecision
        {
            SubscriptionId = subscription.Id,
            ComponentName = subscription.ComponentName,
            Decision = SyncDecisionKind.Failed,
            Reason = policy == SyncFailurePolicy.FailClosed
                ? $"'{subscription.ComponentName}' failed and its subscription is fail-closed: {error}"
                : $"'{subscription.ComponentName}' failed (passed over, fail-open): {error}",
            AppliedPolicy = policy,
            Outcome = outcome,
            InvocationId = invocationId,
        };
    }

    private async Task<IReadOnlyList<Guid>> EnqueueAsync(
        DomainEvent domainEvent, string payload, List<Subscription> subscriptions, CancellationToken cancellationToken)
    {
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

            var delivery = new OutboxDelivery
            {
                Id = Guid.CreateVersion7(),
                TenantId = domainEvent.TenantId,
                EventId = domainEvent.EventId,
                EventType = domainEvent.EventType,
                Payload = payload,
                OccurredAt = domainEvent.OccurredAt.UtcDateTime,
                Depth = domainEvent.Depth,
                SubscriptionId = subscription.Id,
                ComponentName = subscription.ComponentName,
                Status = DeliveryStatus.Pending,
                NextAttemptAt = now,
                CreatedAt = now,
            };
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
