using ExtensibilityHost.Core.Events;
using Mediator;

namespace ExtensibilityHost.Core.Tests.Events;

public sealed class EveryHandlerNotificationPublisherTests
{
    private sealed record Ping : INotification;

    private sealed class Handler(List<string> calls, string name, Exception? failure = null) : INotificationHandler<Ping>
    {
        public ValueTask Handle(Ping notification, CancellationToken cancellationToken)
        {
            calls.Add(name);
            return failure is null ? ValueTask.CompletedTask : ValueTask.FromException(failure);
        }
    }

    private static ValueTask PublishAsync(params INotificationHandler<Ping>[] handlers) =>
        new EveryHandlerNotificationPublisher().Publish(new NotificationHandlers<Ping>(handlers, isArray: true), new Ping(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task Publish_FirstHandlerThrows_LaterHandlersStillRunInOrderAndTheFailureIsRethrown()
    {
        List<string> calls = [];
        var failure = new InvalidOperationException("first failed");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await PublishAsync(new Handler(calls, "first", failure), new Handler(calls, "second"), new Handler(calls, "third")));

        Assert.Same(failure, thrown);
        Assert.Equal(["first", "second", "third"], calls);
    }

    [Fact]
    public async Task Publish_TwoHandlersThrow_BothFailuresAreAggregated()
    {
        List<string> calls = [];

        var thrown = await Assert.ThrowsAsync<AggregateException>(async () =>
            await PublishAsync(new Handler(calls, "first", new InvalidOperationException("a")), new Handler(calls, "second", new InvalidOperationException("b"))));

        Assert.Equal(["a", "b"], thrown.InnerExceptions.Select(e => e.Message));
    }

    [Fact]
    public async Task Publish_NoFailures_RunsEveryHandler()
    {
        List<string> calls = [];

        await PublishAsync(new Handler(calls, "first"), new Handler(calls, "second"));

        Assert.Equal(["first", "second"], calls);
    }
}
