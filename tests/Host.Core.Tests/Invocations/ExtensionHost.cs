using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Tenants;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.Invocations;

/// <summary>
/// Host.Core as an application embeds it: <c>AddExtensibilityHost</c> over a real SQLite file
/// (migrated by the host's own migrator), the file-system blob store and a real engine with its
/// epoch ticker, all under one data directory. Several hosts on one directory share the database
/// and blobs, as host nodes would.
/// </summary>
public sealed class ExtensionHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<IHostedService> _started = [];

    private ExtensionHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<ExtensionHost> StartAsync(string dataDirectory, IReadOnlyDictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ExtensibilityHost:DataDirectory"] = dataDirectory,
                ["ExtensibilityHost:Database:ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "exthost.db")}",
                ["ExtensibilityHost:Storage:FileSystemRoot"] = Path.Combine(dataDirectory, "blobs"),
                // Beside the built guests, so the 12 MB JavaScript guest is compiled once per machine.
                ["ExtensibilityHost:Runtime:ArtifactCacheDirectory"] = Path.Combine(Path.GetDirectoryName(Guests.Built("js-pricing.wasm"))!, ".artifacts"),
                ["ExtensibilityHost:Runtime:PoolTotalComponentInstances"] = "32",
                ["ExtensibilityHost:Runtime:PoolTotalMemories"] = "64",
                ["ExtensibilityHost:Runtime:PoolTotalTables"] = "64",
                ["ExtensibilityHost:Runtime:PoolTotalCoreInstances"] = "256",
            })
            .AddInMemoryCollection(settings)
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddExtensibilityHost(configuration);

        var host = new ExtensionHost(services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true }));
        host.Get<IStartupValidator>().Validate();
        foreach (var hosted in host._services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
            host._started.Add(hosted);
        }

        return host;
    }

    public async Task<T> WithDbAsync<T>(Func<HostDbContext, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HostDbContext>());
    }

    public async Task WithScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = _services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    /// <summary>Creates the tenant and component when missing, stores the binary and records a version in <paramref name="status"/>.</summary>
    public async Task<Guid> SeedAsync(string tenantId, string componentName, byte[] wasm, VersionStatus status = VersionStatus.Active)
    {
        var sha256 = ComponentHash.Of(wasm);
        await Get<IComponentStore>().PutAsync(tenantId, sha256, wasm);
        return await WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
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

            var number = await db.Versions.CountAsync(v => v.ComponentId == component.Id) + 1;
            var version = new ComponentVersion
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                ComponentId = component.Id,
                ComponentName = componentName,
                Number = number,
                Sha256 = sha256,
                SizeBytes = wasm.Length,
                Status = status,
                WorldsJson = "[]",
                ImportsJson = "[]",
                ExportsJson = "[]",
                CreatedAt = now,
                ConcurrencyStamp = Guid.NewGuid(),
            };
            db.Versions.Add(version);
            await db.SaveChangesAsync();
            return version.Id;
        });
    }

    public Task<ComponentVersion> VersionAsync(Guid versionId) =>
        WithDbAsync(db => db.Versions.AsNoTracking().SingleAsync(v => v.Id == versionId));

    public async ValueTask DisposeAsync()
    {
        for (var i = _started.Count - 1; i >= 0; i--)
        {
            await _started[i].StopAsync(CancellationToken.None);
        }

        await _services.DisposeAsync();
    }
}
