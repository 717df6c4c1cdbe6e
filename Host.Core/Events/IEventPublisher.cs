namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Publishes a domain event to its tenant's subscriptions: sync ones run inline in rank order
/// (they may veto or replace the payload), async ones are written to the outbox with the scoped
/// <see cref="Persistence.HostDbContext"/>, inside its current transaction when there is one.
/// <see cref="Mediator.IPublisher"/> reaches the same code through the mediator.
/// </summary>
public interface IEventPublisher
{
    /// <summary>Publishes <paramref name="domainEvent"/> and returns (and sets on <see cref="DomainEvent.Result"/>) the outcome.</summary>
    /// <remarks>
    /// Expected failures are values: an invalid or too deeply nested event is
    /// <see cref="EventPublishStatus.Refused"/>, tenant failures follow each subscription's
    /// <see cref="SyncFailurePolicy"/>. Exceptions mean the database or the host failed.
    /// </remarks>
    Task<EventPublishResult> PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default);
}
