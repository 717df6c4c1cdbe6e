using System.Diagnostics;
using System.Globalization;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Tenants;
using ExtensibilityHost.Core.Versions;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        var directory = Directory.CreateTempSubdirectory("exthost-bench-events-").FullName;
        try
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ExtensibilityHost:DataDirectory"] = directory,
                ["ExtensibilityHost:Events:RunDispatcher"] = "false",
                ["ExtensibilityHost:Invocations:MaxConcurrencyPerTenant"] = "64",
            }).Build();
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton<IConfiguration>(configuration);
            services.AddExtensibilityHost(configuration);
            await using var provider = services.BuildServiceProvider();
            var hosted = provider.GetServices<IHostedService>().ToList();
            foreach (var service in hosted)
            {
                await service.StartAsync(default);
            }

            await InstallSubscriberAsync(provider);
            await PublishAsync(provider, "order.placed", Math.Min(events, 500), publishers: 1);
            foreach (var publishers in new[] { 1, 4 })
            {
                var stopwatch = Stopwatch.StartNew();
                var proceeded = await PublishAsync(provider, "order.placed", events, publishers);
                Print($"publish to 1 sync subscriber (event-handler.wat), {publishers} publisher(s), {events} events: "
                    + $"{events / stopwatch.Elapsed.TotalSeconds:N0} events/s, {stopwatch.Elapsed.TotalMicroseconds / events * publishers:F0} µs/event per publisher, {proceeded} ran and proceeded");
            }

            // The host's share without tenant code: validation, the subscription query, the mediator.
            var baseline = Stopwatch.StartNew();
            await PublishAsync(provider, "order.shipped", events, publishers: 1);
            Print($"publish with no subscriber, 1 publisher, {events} events: {events / baseline.Elapsed.TotalSeconds:N0} events/s");

            hosted.Reverse();
            foreach (var service in hosted)
            {
                await service.StopAsync(default);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }

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

    private static async Task InstallSubscriberAsync(IServiceProvider provider)
    {
        var bytes = WatText.ToBinary(BenchGuests.Wat("event-handler"));
        var sha256 = ComponentHash.Of(bytes);
        await provider.GetRequiredService<IComponentStore>().PutAsync(Tenant, sha256, bytes);
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var now = DateTime.UtcNow;
        var component = new TenantComponent { Id = Guid.CreateVersion7(), TenantId = Tenant, Name = "handler", CreatedAt = now };
        db.Tenants.Add(new Tenant { Id = Tenant, Name = Tenant, CreatedAt = now });
        db.Components.Add(component);
        db.Versions.Add(new ComponentVersion
        {
            Id = Guid.CreateVersion7(),
            TenantId = Tenant,
            ComponentId = component.Id,
            ComponentName = component.Name,
            Number = 1,
            Sha256 = sha256,
            SizeBytes = bytes.Length,
            Status = VersionStatus.Active,
            WorldsJson = "[]",
            ImportsJson = "[]",
            ExportsJson = "[]",
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
        var subscribed = await scope.ServiceProvider.GetRequiredService<SubscriptionService>().UpsertAsync(
            new UpsertSubscription { TenantId = Tenant, EventType = "order.placed", Component = component.Name, Mode = SubscriptionMode.Sync });
        if (subscribed.Status == SubscriptionUpsertStatus.Invalid)
        {
            throw new InvalidOperationException(string.Join("; ", subscribed.Errors.SelectMany(e => e.Value)));
        }
    }

    private static void Print(string line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
