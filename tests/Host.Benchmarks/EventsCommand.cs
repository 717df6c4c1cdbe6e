using System.Diagnostics;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// In-process event publishing as an application does it: <c>AddExtensibilityHost</c> on a SQLite
/// file, one subscriber (<c>event-handler.wat</c>, which logs a line and proceeds), a fresh DI
/// scope per event and <see cref="IPublisher.Publish{TNotification}"/>. Each event is validated, its
/// subscriptions read, the component resolved, run in a fresh sandbox and its invocation recorded.
/// Then the same handler subscribed async, end to end through the outbox: published events are
/// written to the outbox and the host's own dispatcher delivers them.
/// </summary>
internal static class EventsCommand
{
    private const string Tenant = "bench";
    private const int AsyncPublishers = 4;

    /// <summary>How often the end-to-end measurement counts delivered rows.</summary>
    private static readonly TimeSpan DeliveredPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// The outbox dispatcher's settings for the end-to-end figure. Claims are big so the dispatcher
    /// does not poll between batches while a backlog exists; 8 deliveries at once keep both cores
    /// busy while others wait on SQLite; the short poll interval only matters once it has caught up
    /// (a pass that claims less than a batch waits that long before the next); the tenant's
    /// concurrency limit is above the dispatcher's, so slots never throttle it.
    /// </summary>
    private static readonly Dictionary<string, string?> s_dispatcherSettings = new()
    {
        ["ExtensibilityHost:Events:RunDispatcher"] = "true",
        ["ExtensibilityHost:Events:BatchSize"] = "256",
        ["ExtensibilityHost:Events:MaxConcurrentDeliveries"] = "32",
        ["ExtensibilityHost:Events:PollInterval"] = "00:00:00.020",
        ["ExtensibilityHost:Invocations:MaxConcurrencyPerTenant"] = "64",
    };

    public static int Run(int events)
    {
        MeasureAsync(events, Console.Out, TimeSpan.FromMinutes(5)).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>Measures sync publishing, the no-subscriber baseline and async delivery end to end; prints a line each.</summary>
    /// <param name="events">Events per figure.</param>
    /// <param name="output">Where the lines go.</param>
    /// <param name="asyncCap">How long the end-to-end figure may wait for its deliveries; a figure that runs out says so.</param>
    public static async Task<IReadOnlyList<Figure>> MeasureAsync(int events, TextWriter output, TimeSpan asyncCap)
    {
        var figures = new List<Figure>();
        await using (var host = await EmbeddedHost.StartAsync(new Dictionary<string, string?>
        {
            ["ExtensibilityHost:Events:RunDispatcher"] = "false",
            ["ExtensibilityHost:Invocations:MaxConcurrencyPerTenant"] = "64",
        }))
        {
            await host.SeedAsync(Tenant, "handler", Guests.Component("event-handler.wat"));
            await host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Sync);

            await PublishAsync(host.Services, "order.placed", Math.Min(events, 500), publishers: 1);
            var notProceeded = 0;
            foreach (var (publishers, target) in new[] { (1, 5_000), (4, 20_000) })
            {
                var stopwatch = Stopwatch.StartNew();
                var proceeded = await PublishAsync(host.Services, "order.placed", events, publishers);
                var rate = events / stopwatch.Elapsed.TotalSeconds;
                output.WriteLine(FigureText.Invariant($"publish to 1 sync subscriber (event-handler.wat), {publishers} publisher(s), {events} events: {rate:N0} events/s, {stopwatch.Elapsed.TotalMicroseconds / events * publishers:F0} µs/event per publisher, {proceeded} ran and proceeded"));
                notProceeded += events - proceeded;
                figures.Add(Figure.AtLeast($"events, 1 sync subscriber, {publishers} publisher(s)", rate, "events/s", target,
                    FigureText.Invariant($"{events:N0} events, SQLite, in-process")));
            }

            // The host's share without tenant code: validation, the subscription query, the mediator.
            var baseline = Stopwatch.StartNew();
            await PublishAsync(host.Services, "order.shipped", events, publishers: 1);
            var baselineRate = events / baseline.Elapsed.TotalSeconds;
            output.WriteLine(FigureText.Invariant($"publish with no subscriber, 1 publisher, {events} events: {baselineRate:N0} events/s"));
            figures.Add(Figure.Plain("events, no subscriber (baseline), 1 publisher", baselineRate, "events/s"));
            figures.Add(new Figure("sync events whose handler did not run and proceed", "0", notProceeded, "events", Met: notProceeded == 0,
                Note: "EventPublishResult of every published event: Proceeded with one Proceed decision"));
        }

        figures.Add(await MeasureOutboxAsync(events, output, asyncCap));
        return figures;
    }

    /// <summary>
    /// From the first publish until every delivery is <see cref="DeliveryStatus.Delivered"/>, with
    /// the dispatcher running in the same host; counted by a query every <see cref="DeliveredPoll"/>.
    /// </summary>
    private static async Task<Figure> MeasureOutboxAsync(int events, TextWriter output, TimeSpan cap)
    {
        await using var host = await EmbeddedHost.StartAsync(s_dispatcherSettings);
        await host.SeedAsync(Tenant, "handler", Guests.Component("event-handler.wat"));
        await host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Async);

        // Warm-up (JIT, the first compile and instantiation, SQLite's page cache), not counted.
        var warmUp = Math.Min(events, 200);
        await PublishAsync(host.Services, "order.placed", warmUp, AsyncPublishers);
        await WaitDeliveredAsync(host, warmUp, TimeSpan.FromMinutes(2));

        var stopwatch = Stopwatch.StartNew();
        var publishing = PublishAsync(host.Services, "order.placed", events, AsyncPublishers);
        var delivered = await WaitDeliveredAsync(host, warmUp + events, cap) - warmUp;
        var elapsed = stopwatch.Elapsed;
        await publishing;
        var rate = delivered / elapsed.TotalSeconds;
        var settings = "BatchSize 256, MaxConcurrentDeliveries 32, PollInterval 20 ms";
        var note = delivered == events
            ? FigureText.Invariant($"{events:N0} events by {AsyncPublishers} publishers, {settings}")
            : FigureText.Invariant($"capped at {cap.TotalSeconds:F0} s: {delivered:N0} of {events:N0} delivered; {settings}");
        output.WriteLine(FigureText.Invariant(
            $"async outbox, end to end (publish → dispatcher → Delivered), {AsyncPublishers} publishers, {events} events: {rate:N0} events/s, {delivered} delivered in {elapsed.TotalSeconds:F1} s"));
        return Figure.AtLeast("events, async outbox delivery end to end", rate, "events/s", 5_000, note);
    }

    /// <summary>Waits until <paramref name="expected"/> deliveries are delivered or <paramref name="cap"/> passes; returns how many are.</summary>
    private static async Task<int> WaitDeliveredAsync(EmbeddedHost host, int expected, TimeSpan cap)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var delivered = await host.WithDbAsync(db => CountDeliveredAsync(db));
            if (delivered >= expected || deadline.Elapsed >= cap)
            {
                return delivered;
            }

            await Task.Delay(DeliveredPoll);
        }
    }

    private static Task<int> CountDeliveredAsync(HostDbContext db) =>
        db.Deliveries.CountAsync(d => d.TenantId == Tenant && d.Status == DeliveryStatus.Delivered);

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
}
