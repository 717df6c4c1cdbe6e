using System.Net.Sockets;
using ExtensibilityHost.Core.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The WASI policy over HTTP: uploads importing WASI outside the allow-list are refused naming the
/// interface, a new WASI import shows in the capability diff, a guest probing for files,
/// environment and sockets gets WASI errors while the host logs nothing alarming, and the first
/// call after approval does not compile.
/// </summary>
public sealed class WasiApiTests : IAsyncLifetime
{
    private const string PointRoute = "invoke/saas:extensibility/extension-point@1.0.0/invoke";
    private const long MaxComponentBytes = 32L * 1024 * 1024;

    private readonly CapturingLoggerProvider _hostLog = new();
    private readonly ApiHost _host;

    public WasiApiTests()
    {
        _host = new ApiHost(
            new Dictionary<string, string?>
            {
                ["ExtensibilityHost:Upload:MaxComponentBytes"] = $"{MaxComponentBytes}",
                // No test here is about deadlines: a toolchain guest's call descheduled on a busy
                // machine must not end as a timeout.
                ["ExtensibilityHost:Runtime:DefaultLimits:Timeout"] = "00:00:05",
                // Everything at Information and above reaches the capture, whatever ApiHost filters.
                ["Logging:LogLevel:Default"] = "Information",
            },
            services => services.AddSingleton<ILoggerProvider>(_hostLog));
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _host.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private async Task<(string Tenant, HttpClient Client, string VersionId)> DeployAsync(string guest)
    {
        var (tenant, client) = await _host.CreateTenantAsync("wasi");
        var version = await client.UploadVersionAsync(tenant, "ext", await File.ReadAllBytesAsync(Guests.Built(guest), Cancellation));
        using var admin = _host.Admin();
        await admin.DecideVersionAsync(version.Str("id"), "approve");
        return (tenant, client, version.Str("id"));
    }

    private static Task<HttpResponseMessage> InvokePointAsync(HttpClient client, string tenant, string point, string input) =>
        client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/components/ext/{PointRoute}", new JsonObject { ["args"] = new JsonArray(point, input) }, Cancellation);

    [Fact]
    public async Task Upload_ImportingWasiSockets_Is400NamingTheInterfaceAndStoresNothing()
    {
        var (tenant, client) = await _host.CreateTenantAsync("wasi");
        using var _ = client;

        using var response = await client.UploadAsync(tenant, "net", TestWasm.WatHandlerImporting("wasi:sockets/tcp@0.2.12"));

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "component-wasi-not-allowed");
        Assert.Equal(["wasi:sockets/tcp@0.2.12"], problem["interfaces"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Contains("wasi:cli/stdout", problem["allowed"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Contains("'wasi:sockets/tcp@0.2.12', which this host does not allow", problem.Str("detail"), StringComparison.Ordinal);
        Assert.Equal("wasi-not-allowed", problem["problems"]![0]!.Str("code"));
        Assert.Equal((0, 0, 0), await _host.RowsAsync(tenant));
        Assert.Empty(await _host.BlobsAsync(tenant));
    }

    [Fact]
    public async Task Upload_RustStdWhereFilesystemIsNotAllowed_Is400NamingTheFilesystemInterfaces()
    {
        var allowed = new[] { "wasi:cli/environment", "wasi:cli/exit", "wasi:cli/stdin", "wasi:cli/stdout", "wasi:cli/stderr", "wasi:io/error", "wasi:io/streams", "wasi:clocks/wall-clock" };
        var settings = new Dictionary<string, string?> { ["ExtensibilityHost:Upload:MaxComponentBytes"] = $"{MaxComponentBytes}" };
        for (var i = 0; i < allowed.Length; i++)
        {
            settings[$"ExtensibilityHost:Wasi:AllowedInterfaces:{i}"] = allowed[i];
        }

        await using var narrow = new ApiHost(settings);
        await narrow.StartAsync();
        var (tenant, client) = await narrow.CreateTenantAsync("wasi");
        using var _ = client;

        using var response = await client.UploadAsync(tenant, "orders", await File.ReadAllBytesAsync(Guests.Built("rust-std-event-handler.wasm"), Cancellation));

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "component-wasi-not-allowed");
        var interfaces = problem["interfaces"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        Assert.Equal(2, interfaces.Count);
        Assert.All(interfaces, i => Assert.StartsWith("wasi:filesystem/", i, StringComparison.Ordinal));
        Assert.Equal(allowed.Order(StringComparer.Ordinal), problem["allowed"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Equal((0, 0, 0), await narrow.RowsAsync(tenant));
    }

    [Fact]
    public async Task ReviewQueue_NewVersionAddingWasi_ShowsTheWasiInterfacesInTheCapabilityDiff()
    {
        var (tenant, client) = await _host.CreateTenantAsync("wasi");
        using var _ = client;
        using var admin = _host.Admin();
        var v1 = await client.UploadVersionAsync(tenant, "orders", TestWasm.WatHandler());
        await admin.DecideVersionAsync(v1.Str("id"), "approve");

        var v2 = await client.UploadVersionAsync(tenant, "orders", await File.ReadAllBytesAsync(Guests.Built("rust-std-event-handler.wasm"), Cancellation));

        var queued = Assert.Single((await admin.GetJsonAsync("/api/v1/admin/reviews?status=pending")).AsArray(), e => e!["version"]!.Str("id") == v2.Str("id"))!;
        var diff = queued["capabilityDiff"]!;
        var addedWasi = diff["addedWasi"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        Assert.Contains("wasi:cli/stdout", addedWasi);
        Assert.Contains("wasi:filesystem/types", addedWasi);
        Assert.Empty(diff["removedWasi"]!.AsArray());
        Assert.DoesNotContain(diff["addedImports"]!.AsArray(), i => i!.GetValue<string>().StartsWith("wasi:", StringComparison.Ordinal));
        Assert.Equal(addedWasi, v2["wasi"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Empty(v1["wasi"]!.AsArray());
    }

    [Theory]
    [InlineData("rust-std-point.wasm")]
    [InlineData("go-point.wasm")]
    public async Task Invoke_GuestProbingForFilesEnvironmentAndSockets_GetsWasiErrorsAndTheHostLogsNothingAlarming(string guest)
    {
        var (tenant, client, _) = await DeployAsync(guest);
        using var __ = client;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _hostLog.Clear();

        using var response = await InvokePointAsync(client, tenant, "probe.wasi", $$"""{"port":{{port}}}""");

        var body = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        var probe = JsonNode.Parse(body["output"]!["ok"]!.GetValue<string>())!;
        Assert.StartsWith("error:", probe.Str("file"), StringComparison.Ordinal);
        Assert.Equal((0, 0), (probe["env"]!.GetValue<int>(), probe["args"]!.GetValue<int>()));
        if (probe["connect"] is { } connect)
        {
            Assert.StartsWith("error:", connect.GetValue<string>(), StringComparison.Ordinal);
        }

        Assert.False(listener.Pending());
        Assert.DoesNotContain(_hostLog.Entries, entry => entry.Level >= LogLevel.Warning);
    }

    [Theory]
    [InlineData("rust-std-point.wasm")]
    [InlineData("go-point.wasm")]
    public async Task Invoke_FirstCallAfterApproval_DoesNotCompile(string guest)
    {
        var cache = _host.Services.GetRequiredService<CompiledComponentCache>();
        var (tenant, client, _) = await DeployAsync(guest);
        using var _ = client;
        var compilations = cache.Compilations;

        using var response = await InvokePointAsync(client, tenant, "orders.enrich", """{"n":1}""");

        Assert.Equal("ok", (await TestApi.JsonAsync(response, HttpStatusCode.OK)).Str("outcome"));
        Assert.Equal(compilations, cache.Compilations);
    }
}
