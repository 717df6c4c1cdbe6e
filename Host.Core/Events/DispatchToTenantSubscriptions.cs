using Mediator;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// The mediator's way into event dispatch: every <see cref="DomainEvent"/> published with
/// <see cref="IPublisher"/>, whatever assembly declares its type, goes to its tenant's
/// subscriptions; the outcome lands on <see cref="DomainEvent.Result"/>.
/// </summary>
internal sealed class DispatchToTenantSubscriptions(IEventPublisher publisher) : INotificationHandler<DomainEvent>
{
    public async ValueTask Handle(DomainEvent notification, CancellationToken cancellationToken) =>
        notification.Result = await publisher.PublishAsync(notification, cancellationToken);
}
