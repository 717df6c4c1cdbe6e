using System.Net;
using System.Net.Http.Json;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Who may call what: no key → 401; a tenant key on admin routes → 403; a tenant key on another
/// tenant's ids → 404 on every route that takes one, exactly as for ids that do not exist.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class AuthorizationTests(ApiFixture fixture) : IAsyncLifetime
{
    private ApiHost Host => fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private string _tenantA = "";
    private string _versionId = "";
    private HttpClient _clientA = null!;
    private HttpClient _clientB = null!;

    public async ValueTask InitializeAsync()
    {
        (_tenantA, _clientA) = await Host.CreateTenantAsync("a");
        (_, _clientB) = await Host.CreateTenantAsync("b");
        _versionId = (await _clientA.UploadVersionAsync(_tenantA, "hooks", TestWasm.WatHandler())).Str("id");
    }

    public ValueTask DisposeAsync()
    {
        _clientA.Dispose();
        _clientB.Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Every tenant route that takes an id, as (method, path pattern with {tenant}).</summary>
    public static TheoryData<string, string> TenantRoutes => new()
    {
        { "GET", "/api/v1/tenants/{tenant}/components" },
        { "POST", "/api/v1/tenants/{tenant}/components/hooks/versions" },
        { "POST", "/api/v1/tenants/{tenant}/components/new-name/versions" },
        { "GET", "/api/v1/tenants/{tenant}/components/hooks/versions" },
        { "GET", "/api/v1/tenants/{tenant}/components/hooks/versions/1" },
    };

    /// <summary>Every admin route, as (method, path pattern with {version}).</summary>
    public static TheoryData<string, string> AdminRoutes => new()
    {
        { "GET", "/api/v1/admin/reviews" },
        { "GET", "/api/v1/admin/reviews?status=active" },
        { "GET", "/api/v1/admin/reviews/{version}/history" },
        { "POST", "/api/v1/admin/reviews/{version}/approve" },
        { "POST", "/api/v1/admin/reviews/{version}/reject" },
        { "POST", "/api/v1/admin/reviews/{version}/rollback" },
        { "GET", "/api/v1/tenants" },
        { "POST", "/api/v1/tenants" },
    };

    [Theory]
    [MemberData(nameof(TenantRoutes))]
    public async Task TenantRoute_OtherTenantsKey_Is404AndChangesNothing(string method, string pattern)
    {
        using var response = await SendAsync(_clientB, method, pattern.Replace("{tenant}", _tenantA, StringComparison.Ordinal));

        await Api.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal((1, 1, 0), await Host.RowsAsync(_tenantA));
    }

    [Theory]
    [MemberData(nameof(TenantRoutes))]
    public async Task TenantRoute_TenantThatDoesNotExist_Is404(string method, string pattern)
    {
        using var admin = Host.Admin();

        using var response = await SendAsync(admin, method, pattern.Replace("{tenant}", "no-such-tenant", StringComparison.Ordinal));

        await Api.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [MemberData(nameof(TenantRoutes))]
    public async Task TenantRoute_NoKey_Is401(string method, string pattern)
    {
        using var anonymous = Host.Client(null);

        using var response = await SendAsync(anonymous, method, pattern.Replace("{tenant}", _tenantA, StringComparison.Ordinal));

        await Api.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TenantRoute_UnknownKey_Is401()
    {
        using var stranger = Host.Client("ehk_" + new string('x', 43));

        using var response = await stranger.GetAsync($"/api/v1/tenants/{_tenantA}/components", Cancellation);

        await Api.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_TenantKey_Is403EvenForItsOwnVersion(string method, string pattern)
    {
        using var response = await SendAsync(_clientA, method, pattern.Replace("{version}", _versionId, StringComparison.Ordinal));

        await Api.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal((1, 1, 0), await Host.RowsAsync(_tenantA));
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_NoKey_Is401(string method, string pattern)
    {
        using var anonymous = Host.Client(null);

        using var response = await SendAsync(anonymous, method, pattern.Replace("{version}", _versionId, StringComparison.Ordinal));

        await Api.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task TenantRoutes_OwnKey_SeeOnlyOwnComponents()
    {
        var (tenantC, clientC) = await Host.CreateTenantAsync("c");
        using var _ = clientC;

        var own = (await clientC.GetJsonAsync($"/api/v1/tenants/{tenantC}/components")).AsArray();
        using var byName = await clientC.GetAsync($"/api/v1/tenants/{tenantC}/components/hooks/versions", Cancellation);

        Assert.Empty(own);
        await Api.AssertProblemAsync(byName, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task TenantRoutes_AdminKey_ActsOnAnyTenant()
    {
        using var admin = Host.Admin();

        var versions = (await admin.GetJsonAsync(Api.Versions(_tenantA, "hooks"))).AsArray();

        Assert.Equal(_versionId, Assert.Single(versions)!.Str("id"));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) => method switch
    {
        "GET" => client.GetAsync(path, Cancellation),
        _ when path.EndsWith("/versions", StringComparison.Ordinal) => client.PostAsync(path, Api.WasmContent(TestWasm.Tagged(TestWasm.WatHandler(), "intruder")), Cancellation),
        _ when path.EndsWith("/reject", StringComparison.Ordinal) => client.PostAsJsonAsync(path, new { reason = "no" }, Cancellation),
        _ when path == "/api/v1/tenants" => client.PostAsJsonAsync(path, new { id = "sneaky", name = "Sneaky" }, Cancellation),
        _ => client.PostAsync(path, null, Cancellation),
    };
}
