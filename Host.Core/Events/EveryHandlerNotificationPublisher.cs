using System.Runtime.ExceptionServices;
using Mediator;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Runs a notification's handlers one after another, each to the end even when an earlier one
/// threw, then rethrows (one exception as itself, several as an <see cref="AggregateException"/>).
/// </summary>
/// <remarks>
/// Mediator's built-in publishers either stop at the first failure (<see cref="ForeachAwaitPublisher"/>)
/// or run handlers concurrently (<see cref="TaskWhenAllPublisher"/>), and concurrent handlers would
/// share the scope's <see cref="Persistence.HostDbContext"/>, which is not thread-safe.
/// </remarks>
internal sealed class EveryHandlerNotificationPublisher : INotificationPublisher
{
    public async ValueTask Publish<TNotification>(
        NotificationHandlers<TNotification> handlers, TNotification notification, CancellationToken cancellationToken)
        where TNotification : INotification
    {
        List<Exception>? failures = null;
        foreach (var handler in handlers)
        {
            try
            {
                await handler.Handle(notification, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e)
            {
                (failures ??= []).Add(e);
            }
        }

        if (failures is [var only])
        {
            ExceptionDispatchInfo.Throw(only);
        }

        if (failures is { Count: > 1 })
        {
            throw new AggregateException(failures);
        }
    }
}
