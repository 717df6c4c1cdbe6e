using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Tenants;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>
/// One host node as an application embeds it: <c>AddExtensibilityHost</c> on a real SQLite file
/// (migrated by the host's own start-up), file-system blobs, the real engine and runner, a manual
/// clock. Several nodes can share one data directory (one database), like nodes sharing SQL Server.
/// The outbox dispatcher is driven by the test (<see cref="Dispatcher"/>) unless <c>runDispatcher</c> is set.
/// </summary>
internal sealed class EventHost : IAsyncDisposable
{
    private readonly List<IHostedService> _started = [];
    private bool _disposed;

    private EventHost(ServiceProvider services, ManualTimeProvider clock, string dataDirectory, bool ownsDirectory)
    {
        Services = services;
        Clock = clock;
        DataDirectory = dataDirectory;
        OwnsDirectory = ownsDirectory;
    }

    public ServiceProvider Services { get; }

    public ManualTimeProvider Clock { get; }

    public string DataDirectory { get; }

    private bool OwnsDirectory { get; }

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    public static async Task<EventHost> StartAsync(
        EventsFixture fixture,
        Dictionary<string, string?>? settings = null,
        string? sharedDataDirectory = null,
        ManualTimeProvider? clock = null,
        Action<IServiceCollection>? configure = null)
    {
        var directory = sharedDataDirectory ?? Directory.CreateTempSubdirectory("exthost-events-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["ExtensibilityHost:DataDirectory"] = directory,
            ["ExtensibilityHost:Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "exthost.db")}",
            ["ExtensibilityHost:Runtime:ArtifactCacheDirectory"] = fixture.ArtifactDirectory,
            ["ExtensibilityHost:Runtime:PoolTotalComponentInstances"] = "32",
            ["ExtensibilityHost:Runtime:PoolTotalMemories"] = "64",
            ["ExtensibilityHost:Runtime:PoolTotalTables"] = "64",
            ["ExtensibilityHost:Runtime:PoolTotalCoreInstances"] = "256",
            ["ExtensibilityHost:Runtime:DefaultLimits:Timeout"] = "00:00:05",
            ["ExtensibilityHost:Events:RunDispatcher"] = "false",
            ["ExtensibilityHost:Events:PollInterval"] = "00:00:00.020",
            ["ExtensibilityHost:Events:BackoffBase"] = "00:00:01",
            ["ExtensibilityHost:Events:BackoffMax"] = "00:00:10",
            ["ExtensibilityHost:Events:LeaseDuration"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        clock ??= new ManualTimeProvider();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddExtensibilityHost(configuration);
        configure?.Invoke(services);

        var host = new EventHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }), clock, directory, sharedDataDirectory is null);
        foreach (var hosted in host.Services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(TestContext.Current.CancellationToken);
            host._started.Add(hosted);
        }

        return host;
    }

    /// <summary>Creates the tenant if needed and installs <paramref name="bytes"/> as the active version of its component.</summary>
    public async Task AddComponentAsync(string tenantId, string componentName, byte[] bytes)
    {
        var sha256 = ComponentHash.Of(bytes);
        await Services.GetRequiredService<IComponentStore>().PutAsync(tenantId, sha256, bytes, TestContext.Current.CancellationToken);
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var now = Clock.GetUtcNow().UtcDateTime;
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, TestContext.Current.CancellationToken))
        {
            db.Tenants.Add(new Tenant { Id = tenantId, Name = tenantId, CreatedAt = now });
        }

        var component = await db.Components.FirstOrDefaultAsync(c => c.TenantId == tenantId && c.Name == componentName, TestContext.Current.CancellationToken);
        if (component is null)
        {
            component = new TenantComponent { Id = Guid.CreateVersion7(), TenantId = tenantId, Name = componentName, CreatedAt = now };
            db.Components.Add(component);
        }

        var versions = await db.Versions.Where(v => v.ComponentId == component.Id).ToListAsync(TestContext.Current.CancellationToken);
        foreach (var active in versions.Where(v => v.Status == VersionStatus.Active))
        {
            active.Status = VersionStatus.Superseded;
        }

        // Two steps, so the unique "one active version" index never sees two at once.
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        db.Versions.Add(new ComponentVersion
        {
            Id = Guid.CreateVersion7(),
            TenantId = tenantId,
            ComponentId = component.Id,
            ComponentName = componentName,
            Number = versions.Count + 1,
            Sha256 = sha256,
            SizeBytes = bytes.Length,
            Status = VersionStatus.Active,
            WorldsJson = "[]",
            ImportsJson = "[]",
            ExportsJson = "[]",
            CreatedAt = now,
            StatusChangedAt = now,
        });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async Task<Subscription> SubscribeAsync(
        string tenantId, string eventType, string component, SubscriptionMode mode, int? rank = null, SyncFailurePolicy? onFailure = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SubscriptionService>().UpsertAsync(
            new UpsertSubscription { TenantId = tenantId, EventType = eventType, Component = component, Mode = mode, Rank = rank, OnFailure = onFailure },
            TestContext.Current.CancellationToken);
        Assert.NotEqual(SubscriptionUpsertStatus.Invalid, result.Status);
        return result.Subscription!;
    }

    public async Task<EventPublishResult> PublishAsync(DomainEvent domainEvent)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(domainEvent, TestContext.Current.CancellationToken);
    }

    public async Task<T> QueryAsync<T>(Func<HostDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HostDbContext>());
    }

    public Task<List<OutboxDelivery>> DeliveriesAsync(string tenantId) =>
        QueryAsync(db => db.Deliveries.AsNoTracking().Where(d => d.TenantId == tenantId).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync());

    public Task<List<InvocationRecord>> InvocationsAsync(string tenantId) =>
        QueryAsync(db => db.Invocations.AsNoTracking().Where(i => i.TenantId == tenantId).OrderBy(i => i.StartedAt).ThenBy(i => i.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _started.Reverse();
        foreach (var hosted in _started)
        {
            await hosted.StopAsync(CancellationToken.None);
        }

        await Services.DisposeAsync();
        if (OwnsDirectory)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
