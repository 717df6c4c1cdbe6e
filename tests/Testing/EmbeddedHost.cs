using System.Collections.Concurrent;
using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Tenants;
using ExtensibilityHost.Core.Versions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Testing;

/// <summary>
/// Host.Core as an application embeds it — the one test host of the Core tests and the benchmarks:
/// <c>AddExtensibilityHost</c> over a real SQLite file (migrated by the host's own start-up), the
/// file-system blob store and a real engine with its epoch ticker, the start-up validators run and
/// the hosted services started. Several hosts on one data directory share the database and blobs,
/// as host nodes would.
/// </summary>
public sealed class EmbeddedHost : IAsyncDisposable
{
    /// <summary>Pool sizes small enough for many hosts in one test process.</summary>
    public static readonly IReadOnlyDictionary<string, string?> SmallPools = new Dictionary<string, string?>
    {
        ["ExtensibilityHost:Runtime:PoolTotalComponentInstances"] = "32",
        ["ExtensibilityHost:Runtime:PoolTotalMemories"] = "64",
        ["ExtensibilityHost:Runtime:PoolTotalTables"] = "64",
        ["ExtensibilityHost:Runtime:PoolTotalCoreInstances"] = "256",
    };

    /// <summary>The hosts started and not yet disposed, so a read flushes every node sharing the data directory.</summary>
    private static readonly ConcurrentDictionary<EmbeddedHost, byte> s_live = new();

    private readonly ServiceProvider _services;
    private readonly ManualTimeProvider? _clock;
    private readonly bool _ownsDirectory;
    private readonly List<IHostedService> _started = [];
    private bool _disposed;

    private EmbeddedHost(ServiceProvider services, string dataDirectory, bool ownsDirectory, ManualTimeProvider? clock)
    {
        _services = services;
        DataDirectory = dataDirectory;
        _ownsDirectory = ownsDirectory;
        _clock = clock;
    }

    public IServiceProvider Services => _services;

    /// <summary>Where the database and the blobs are.</summary>
    public string DataDirectory { get; }

    /// <summary>The manual clock the host was started with.</summary>
    public ManualTimeProvider Clock => _clock ?? throw new InvalidOperationException("This host was started without a manual clock.");

    /// <summary>The compiled-artifact cache beside the built guests, so the 12 MB JavaScript guest compiles once per machine.</summary>
    public static string SharedArtifactDirectory => Path.Combine(Guests.BuiltDirectory, ".artifacts");

    /// <summary>Starts a host.</summary>
    /// <param name="settings">Configuration over the host's defaults.</param>
    /// <param name="dataDirectory">A data directory to share with other hosts (kept on dispose); a fresh temporary one (deleted on dispose) when null.</param>
    /// <param name="clock">A manual clock for the host's <see cref="TimeProvider"/>; the system clock when null.</param>
    /// <param name="configure">Service registrations after the host's own (a failing double, say).</param>
    /// <param name="artifactDirectory">Where compiled artifacts are cached; <see cref="SharedArtifactDirectory"/> when null.</param>
    /// <param name="cancellationToken">Cancels the start of the hosted services.</param>
    public static async Task<EmbeddedHost> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null,
        string? dataDirectory = null,
        ManualTimeProvider? clock = null,
        Action<IServiceCollection>? configure = null,
        string? artifactDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var directory = dataDirectory ?? Directory.CreateTempSubdirectory("exthost-embedded-").FullName;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ExtensibilityHost:DataDirectory"] = directory,
                ["ExtensibilityHost:Database:ConnectionString"] = $"Data Source={Path.Combine(directory, "exthost.db")}",
                ["ExtensibilityHost:Storage:FileSystemRoot"] = Path.Combine(directory, "blobs"),
                ["ExtensibilityHost:Runtime:ArtifactCacheDirectory"] = artifactDirectory ?? SharedArtifactDirectory,
            })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        if (clock is not null)
        {
            services.AddSingleton<TimeProvider>(clock);
        }

        services.AddExtensibilityHost(configuration);
        configure?.Invoke(services);

        var host = new EmbeddedHost(
            services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true }), directory, dataDirectory is null, clock);
        host.Get<IStartupValidator>().Validate();
        foreach (var hosted in host._services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(cancellationToken);
            host._started.Add(hosted);
        }

        s_live.TryAdd(host, 0);
        return host;
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// Runs <paramref name="work"/> on a fresh context, after the invocation records still queued on
    /// this host and on every other host sharing its data directory (other nodes) are written.
    /// </summary>
    public async Task<T> WithDbAsync<T>(Func<HostDbContext, Task<T>> work)
    {
        foreach (var node in s_live.Keys.Where(h => h.DataDirectory == DataDirectory && !h._disposed))
        {
            await node.Get<InvocationLogWriter>().FlushAsync();
        }

        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HostDbContext>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Creates the tenant and component when missing, stores the binary and records a version in
    /// <paramref name="status"/>; an active one supersedes the component's active version, as an approval would.
    /// </summary>
    /// <returns>The version's id.</returns>
    public async Task<Guid> SeedAsync(string tenantId, string componentName, byte[] wasm, VersionStatus status = VersionStatus.Active)
    {
        var sha256 = ComponentHash.Of(wasm);
        await Get<IComponentStore>().PutAsync(tenantId, sha256, wasm);
        return await WithDbAsync(async db =>
        {
            var now = Get<TimeProvider>().GetUtcNow().UtcDateTime;
            if (!await db.Tenants.AnyAsync(t => t.Id == tenantId))
            {
                db.Tenants.Add(new Tenant { Id = tenantId, Name = tenantId, CreatedAt = now });
            }

            var component = await db.Components.FirstOrDefaultAsync(c => c.TenantId == tenantId && c.Name == componentName);
            if (component is null)
            {
                component = new TenantComponent { Id = Guid.CreateVersion7(), TenantId = tenantId, Name = componentName, CreatedAt = now };
                db.Components.Add(component);
            }

            var versions = await db.Versions.Where(v => v.ComponentId == component.Id).ToListAsync();
            if (status == VersionStatus.Active)
            {
                foreach (var active in versions.Where(v => v.Status == VersionStatus.Active))
                {
                    active.Status = VersionStatus.Superseded;
                    active.StatusChangedAt = now;
                }
            }

            // Two steps, so the unique "one active version" index never sees two at once.
            await db.SaveChangesAsync();
            var version = new ComponentVersion
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                ComponentId = component.Id,
                ComponentName = componentName,
                Number = versions.Count + 1,
                Sha256 = sha256,
                SizeBytes = wasm.Length,
                Status = status,
                WorldsJson = "[]",
                ImportsJson = "[]",
                ExportsJson = "[]",
                CreatedAt = now,
                StatusChangedAt = status == VersionStatus.Pending ? null : now,
                ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Versions.Add(version);
            await db.SaveChangesAsync();

            // As the host's own approvals do: every node's caches see the new version.
            await Get<HostChanges>().StampAsync(db, CancellationToken.None);
            return version.Id;
        });
    }

    public Task<ComponentVersion> VersionAsync(Guid versionId) =>
        WithDbAsync(db => db.Versions.AsNoTracking().SingleAsync(v => v.Id == versionId));

    /// <summary>Subscribes a component to an event type; fails when the host refuses.</summary>
    public async Task<Subscription> SubscribeAsync(
        string tenantId, string eventType, string component, SubscriptionMode mode, int? rank = null, SyncFailurePolicy? onFailure = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SubscriptionService>().UpsertAsync(
            new UpsertSubscription { TenantId = tenantId, EventType = eventType, Component = component, Mode = mode, Rank = rank, OnFailure = onFailure });
        return result.Status == SubscriptionUpsertStatus.Invalid
            ? throw new InvalidOperationException("The subscription was refused: " + string.Join("; ", result.Errors.SelectMany(e => e.Value)))
            : result.Subscription!;
    }

    /// <summary>Publishes an event in a scope of its own, as a request would.</summary>
    public async Task<EventPublishResult> PublishAsync(DomainEvent domainEvent, CancellationToken cancellationToken = default)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IEventPublisher>().PublishAsync(domainEvent, cancellationToken);
    }

    public Task<List<OutboxDelivery>> DeliveriesAsync(string tenantId) =>
        WithDbAsync(db => db.Deliveries.AsNoTracking().Where(d => d.TenantId == tenantId).OrderBy(d => d.CreatedAt).ThenBy(d => d.Id).ToListAsync());

    public Task<List<InvocationRecord>> InvocationsAsync(string tenantId) =>
        WithDbAsync(db => db.Invocations.AsNoTracking().Where(i => i.TenantId == tenantId).OrderBy(i => i.StartedAt).ThenBy(i => i.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        s_live.TryRemove(this, out _);
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
        if (_ownsDirectory)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
