using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Tenants;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ExtensibilityHost.Testing.Api;

/// <summary>
/// The real Host.Api (its Program, auth, database migrations, blob store, validator) in memory, on
/// a SQLite file and blobs in a temporary folder deleted on dispose. Settings are given explicitly
/// so EXTHOST_DATA_DIR in the developer's shell does not matter; the admin key is inserted
/// directly, so EXTHOST_ADMIN_KEY does not either. In memory by default; on real Kestrel on a
/// loopback port when a browser must reach it (<see cref="BaseAddress"/>).
/// </summary>
public sealed class ApiHost : WebApplicationFactory<Program>
{
    /// <summary>The upload limit of test hosts: small, so oversized bodies are cheap to send.</summary>
    public const long MaxComponentBytes = 2 * 1024 * 1024;

    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-api-").FullName;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _testServices;
    private readonly bool _kestrel;
    private readonly CapturingLoggerProvider _log = new();
    private string? _adminKey;
    private LeakWatch? _leaks;

    /// <param name="settings">Configuration overrides, e.g. another blob store.</param>
    /// <param name="testServices">Test-only service registrations applied after the host's own (e.g. a failing interceptor).</param>
    /// <param name="kestrel">Serve on real Kestrel on a free loopback port instead of in memory.</param>
    public ApiHost(IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null, bool kestrel = false)
    {
        _testServices = testServices;
        _kestrel = kestrel;
        if (kestrel)
        {
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }

        _settings = new(StringComparer.Ordinal)
        {
            ["ExtensibilityHost:Database:ConnectionString"] = $"Data Source={Path.Combine(_directory, "exthost.db")}",
            ["ExtensibilityHost:Storage:Provider"] = "FileSystem",
            ["ExtensibilityHost:Storage:FileSystemRoot"] = Path.Combine(_directory, "blobs"),
            ["ExtensibilityHost:Runtime:ArtifactCacheDirectory"] = Path.Combine(_directory, "artifacts"),
            ["ExtensibilityHost:Upload:MaxComponentBytes"] = MaxComponentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            // High enough that only the rate-limit test, which lowers it, ever sees a 429.
            ["ExtensibilityHost:RateLimit:PermitsPerSecond"] = "100000",
            ["ExtensibilityHost:RateLimit:Burst"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>An admin key registered in this host's database.</summary>
    public string AdminKey => _adminKey ?? throw new InvalidOperationException("Call StartAsync first.");

    /// <summary>The host's address on Kestrel (e.g. <c>http://127.0.0.1:41234</c>).</summary>
    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Starts the host and registers an admin key.</summary>
    public async Task StartAsync()
    {
        if (_kestrel)
        {
            StartServer();
        }
        else
        {
            _ = Server;
        }

        var secret = ApiKeySecret.Generate();
        await WithDbAsync(async db =>
        {
            db.ApiKeys.Add(new ApiKey
            {
                Id = Guid.CreateVersion7(),
                IsAdmin = true,
                Prefix = secret.Prefix,
                Hash = secret.Hash,
                Name = "test admin",
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        });
        _adminKey = secret.Key;
    }

    /// <summary>The leak check every client of this host goes through (<see cref="LeakGuard"/>).</summary>
    public LeakWatch Leaks => _leaks ??= new LeakWatch(Secrets, _log);

    /// <summary>What no response may show: the admin key, the connection string and the host's folders.</summary>
    public IEnumerable<string> Secrets() =>
        [.. new[] { _adminKey, _settings["ExtensibilityHost:Database:ConnectionString"], _directory, AppContext.BaseDirectory.TrimEnd('/') }
            .Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)];

    /// <summary>A client that follows redirects and keeps cookies, as <c>CreateClient</c>'s, behind a <see cref="LeakGuard"/>.</summary>
    public HttpClient Client(string? apiKey)
    {
        var client = CreateDefaultClient(
            ClientOptions.BaseAddress,
            new LeakGuard(Leaks),
            new RedirectHandler(ClientOptions.MaxAutomaticRedirections),
            new CookieContainerHandler());
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    public HttpClient Admin() => Client(AdminKey);

    /// <summary>A concrete path of <paramref name="pattern"/>, each parameter filled by <paramref name="value"/>.</summary>
    public static string RoutePath(RoutePattern pattern, Func<RoutePatternParameterPart, string> value)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var path = new System.Text.StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternParameterPart parameter => value(parameter),
                    _ => "",
                });
            }
        }

        return path.ToString();
    }

    /// <summary>Every route of the API v1 in the route table, as (method, pattern): what a matrix over the whole API iterates.</summary>
    public IReadOnlyList<(string Method, RoutePattern Pattern)> ApiRoutes() =>
        [.. Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, e.RoutePattern)))
            .Where(r => r.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)];

    /// <summary>Creates a tenant with a fresh id through the API; returns its id and a client with its key.</summary>
    public async Task<(string Id, HttpClient Client)> CreateTenantAsync(string prefix = "t")
    {
        var (id, key) = await CreateTenantKeyAsync(prefix);
        return (id, Client(key));
    }

    /// <summary>Creates a tenant with a fresh id through the API; returns its id and its first API key.</summary>
    public async Task<(string Id, string Key)> CreateTenantKeyAsync(string prefix = "t")
    {
        var id = $"{prefix}-{Guid.NewGuid():N}"[..24];
        using var admin = Admin();
        using var response = await admin.PostAsJsonAsync("/api/v1/tenants", new { id, name = "Tenant " + id }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(TestContext.Current.CancellationToken);
        return (id, body!["apiKey"]!.GetValue<string>());
    }

    public async Task WithDbAsync(Func<HostDbContext, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<HostDbContext>());
    }

    public async Task<(int Components, int Versions, int Reviews)> RowsAsync(string tenantId)
    {
        (int, int, int) counts = default;
        await WithDbAsync(async db => counts = (
            await db.Components.IgnoreQueryFilters().CountAsync(c => c.TenantId == tenantId),
            await db.Versions.IgnoreQueryFilters().CountAsync(v => v.TenantId == tenantId),
            await db.Reviews.IgnoreQueryFilters().CountAsync(r => r.TenantId == tenantId)));
        return counts;
    }

    public async Task<List<ComponentBlob>> BlobsAsync(string tenantId)
    {
        List<ComponentBlob> blobs = [];
        await foreach (var blob in Services.GetRequiredService<IComponentStore>().ListAsync(tenantId, TestContext.Current.CancellationToken))
        {
            blobs.Add(blob);
        }

        return blobs;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(_log));
        if (_testServices is not null)
        {
            builder.ConfigureTestServices(_testServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            // Lines logged after the last response, by background work.
            Leaks.CheckLog();
        }
        finally
        {
            await base.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
