namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The outbound-http allow-list over HTTP: admins replace and read it, tenants read their own, and a
/// change is what the component's very next call checks, against a real loopback server. The host
/// serves <see cref="OutboundTestWorld"/>, so outbound-fetch.wat can be uploaded.
/// </summary>
public sealed class OutboundOriginApiTests : IAsyncLifetime
{
    private readonly LoopbackHttpServer _server = new();
    private readonly ApiHost _host = new(
        new Dictionary<string, string?> { ["ExtensibilityHost:Runtime:DefaultLimits:Timeout"] = "00:00:05" },
        OutboundTestWorld.Register);

    private string _tenant = "";
    private HttpClient _tenantClient = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private string AdminPath(string component = "fetcher") => $"/api/v1/admin/tenants/{_tenant}/components/{component}/outbound-origins";

    private string TenantPath(string component = "fetcher") => $"/api/v1/tenants/{_tenant}/components/{component}/outbound-origins";

    public async ValueTask InitializeAsync()
    {
        await _host.StartAsync();
        (_tenant, _tenantClient) = await _host.CreateTenantAsync("out");
        var version = await _tenantClient.UploadVersionAsync(_tenant, "fetcher", Guests.Component("outbound-fetch.wat"));
        using var admin = _host.Admin();
        await admin.DecideVersionAsync(version.Str("id"), "approve");
    }

    public async ValueTask DisposeAsync()
    {
        _tenantClient.Dispose();
        await _host.DisposeAsync();
        _server.Dispose();
    }

    private async Task<JsonObject> PutAsync(params string?[] origins)
    {
        using var admin = _host.Admin();
        using var response = await admin.PutAsJsonAsync(AdminPath(), new { origins }, Cancellation);
        return await TestApi.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>GET <c>/echo</c> of the loopback server through the component: 200's status, or the error's case.</summary>
    private async Task<string> FetchAsync()
    {
        using var response = await _tenantClient.PostAsJsonAsync(
            $"/api/v1/tenants/{_tenant}/components/fetcher/invoke/{OutboundTestWorld.Probe}/fetch",
            new { args = new[] { "GET", _server.Origin + "/echo", "", "" } },
            Cancellation);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        return response.StatusCode == HttpStatusCode.OK
            ? body!["output"]!["ok"]!["status"]!.GetValue<int>().ToString(System.Globalization.CultureInfo.InvariantCulture)
            : body!["errorValue"]!.Str("tag");
    }

    [Fact]
    public async Task Put_AsAdmin_ReplacesTheListInCanonicalFormAndGetReadsItBack()
    {
        var put = await PutAsync("https://API.example.com/", "http://127.0.0.1:5123", "https://api.example.com:443");
        using var admin = _host.Admin();
        var get = await admin.GetJsonAsync(AdminPath());

        Assert.Equal(["http://127.0.0.1:5123", "https://api.example.com"], put["origins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Equal(put.ToJsonString(), get.ToJsonString());
        Assert.All(get["entries"]!.AsArray(), entry => Assert.StartsWith("test admin (", entry!.Str("addedBy"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_AsTheTenant_ShowsTheOriginsButNotWhoAddedThem()
    {
        await PutAsync("https://api.example.com");

        var list = await _tenantClient.GetJsonAsync(TenantPath());

        Assert.Equal(["https://api.example.com"], list["origins"]!.AsArray().Select(o => o!.GetValue<string>()));
        Assert.Null(list["entries"]);
    }

    [Fact]
    public async Task AdminRoutes_TenantKey_Are403AndChangeNothing()
    {
        await PutAsync("https://api.example.com");

        using var put = await _tenantClient.PutAsJsonAsync(AdminPath(), new JsonObject { ["origins"] = new JsonArray("https://evil.example") }, Cancellation);
        using var get = await _tenantClient.GetAsync(AdminPath(), Cancellation);

        await TestApi.AssertProblemAsync(put, HttpStatusCode.Forbidden, "forbidden");
        await TestApi.AssertProblemAsync(get, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(["https://api.example.com"], (await _tenantClient.GetJsonAsync(TenantPath()))["origins"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task Get_AnotherTenantsComponent_Is404()
    {
        var (_, other) = await _host.CreateTenantAsync("other");
        using var _ = other;

        using var response = await other.GetAsync(TenantPath(), Cancellation);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Put_EntriesThatAreNotOrigins_Is400NamingEachAndChangesNothing()
    {
        await PutAsync("https://api.example.com");
        using var admin = _host.Admin();

        using var response = await admin.PutAsJsonAsync(
            AdminPath(), new { origins = new[] { "https://ok.example", "api.example.com", "https://a.example/v1", "ftp://files.example", null } }, Cancellation);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        var errors = problem["errors"]!.AsObject();
        Assert.Equal(["origins[1]", "origins[2]", "origins[3]", "origins[4]"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Equal("'https://a.example/v1' has a path; an origin is scheme, host and port only.", errors["origins[2]"]![0]!.GetValue<string>());
        Assert.Equal(["https://api.example.com"], (await admin.GetJsonAsync(AdminPath()))["origins"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task Put_MoreOriginsThanTheCap_Is400()
    {
        using var admin = _host.Admin();
        var origins = Enumerable.Range(0, 33).Select(i => $"https://h{i}.example").ToArray();

        using var response = await admin.PutAsJsonAsync(AdminPath(), new { origins }, Cancellation);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal("At most 32 origins per component.", problem["errors"]!["origins"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Put_NoOriginsProperty_Is400()
    {
        using var admin = _host.Admin();

        using var response = await admin.PutAsJsonAsync(AdminPath(), new { }, Cancellation);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task PutAndGet_UnknownComponentOrTenant_Are404()
    {
        using var admin = _host.Admin();

        using var put = await admin.PutAsJsonAsync(AdminPath("no-such"), new JsonObject { ["origins"] = new JsonArray("https://a.example") }, Cancellation);
        using var get = await admin.GetAsync(AdminPath("no-such"), Cancellation);
        using var noTenant = await admin.GetAsync("/api/v1/admin/tenants/no-such-tenant/components/fetcher/outbound-origins", Cancellation);

        await TestApi.AssertProblemAsync(put, HttpStatusCode.NotFound, "not-found");
        await TestApi.AssertProblemAsync(get, HttpStatusCode.NotFound, "not-found");
        await TestApi.AssertProblemAsync(noTenant, HttpStatusCode.NotFound, "not-found");
    }

    /// <summary>The per-node cache of the allow-list is invalidated by the change: the next call sees it, both ways.</summary>
    [Fact]
    public async Task Put_ChangedList_IsWhatTheNextCallChecks()
    {
        await PutAsync();
        Assert.Equal("forbidden", await FetchAsync());
        Assert.Empty(_server.Requests);

        await PutAsync(_server.Origin);
        Assert.Equal("200", await FetchAsync());

        await PutAsync("https://api.example.com");
        Assert.Equal("forbidden", await FetchAsync());
        Assert.Single(_server.Requests);
    }
}
