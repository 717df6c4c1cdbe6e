using System.Diagnostics;
using System.Globalization;
using ExtensibilityHost.Core.Events;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// In-process event publishing as an application does it: <c>AddExtensibilityHost</c> on a SQLite
/// file, one sync subscriber (<c>event-handler.wat</c>, which logs a line and proceeds), a fresh DI
/// scope per event and <see cref="IPublisher.Publish{TNotification}"/>. Each event is validated, its
/// subscriptions read, the component resolved, run in a fresh sandbox and its invocation recorded.
/// Prints events/s; asserts nothing.
/// </summary>
internal static class EventsCommand
{
    private const string Tenant = "bench";

    public static int Run(int events) => RunAsync(events).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(int events)
    {
        await using var host = await EmbeddedHost.StartAsync(new Dictionary<string, string?>
        {
            ["ExtensibilityHost:Events:RunDispatcher"] = "false",
            ["ExtensibilityHost:Invocations:MaxConcurrencyPerTenant"] = "64",
        });
        await host.SeedAsync(Tenant, "handler", Guests.Component("event-handler.wat"));
        await host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Sync);

        await PublishAsync(host.Services, "order.placed", Math.Min(events, 500), publishers: 1);
        foreach (var publishers in new[] { 1, 4 })
        {
            var stopwatch = Stopwatch.StartNew();
            var proceeded = await PublishAsync(host.Services, "order.placed", events, publishers);
            Print($"publish to 1 sync subscriber (event-handler.wat), {publishers} publisher(s), {events} events: "
                + $"{events / stopwatch.Elapsed.TotalSeconds:N0} events/s, {stopwatch.Elapsed.TotalMicroseconds / events * publishers:F0} µs/event per publisher, {proceeded} ran and proceeded");
        }

        // The host's share without tenant code: validation, the subscription query, the mediator.
        var baseline = Stopwatch.StartNew();
        await PublishAsync(host.Services, "order.shipped", events, publishers: 1);
        Print($"publish with no subscriber, 1 publisher, {events} events: {events / baseline.Elapsed.TotalSeconds:N0} events/s");
        return 0;
    }

    private static async Task<int> PublishAsync(IServiceProvider provider, string eventType, int events, int publishers)
    {
        var proceeded = 0;
        await Parallel.ForAsync(0, events, new ParallelOptions { MaxDegreeOfParallelism = publishers }, async (i, cancellationToken) =>
        {
            await using var scope = provider.CreateAsyncScope();
            var orderPlaced = new DomainEvent(Tenant, eventType, """{"orderId":42,"total":1999}""");
            await scope.ServiceProvider.GetRequiredService<IPublisher>().Publish(orderPlaced, cancellationToken);
            if (orderPlaced.Result is { Status: EventPublishStatus.Proceeded, Decisions: [{ Decision: SyncDecisionKind.Proceed }] })
            {
                Interlocked.Increment(ref proceeded);
            }
        });
        return proceeded;
    }

    private static void Print(string line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
