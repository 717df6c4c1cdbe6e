using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

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
        { "POST", "/api/v1/admin/reviews/{version}/shadow-run" },
        { "GET", "/api/v1/tenants" },
        { "POST", "/api/v1/tenants" },
    };

    [Theory]
    [MemberData(nameof(TenantRoutes))]
    public async Task TenantRoute_OtherTenantsKey_Is404AndChangesNothing(string method, string pattern)
    {
        using var response = await SendAsync(_clientB, method, pattern.Replace("{tenant}", _tenantA, StringComparison.Ordinal));

        await TestApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal((1, 1, 0), await Host.RowsAsync(_tenantA));
    }

    [Theory]
    [MemberData(nameof(TenantRoutes))]
    public async Task TenantRoute_TenantThatDoesNotExist_Is404(string method, string pattern)
    {
        using var admin = Host.Admin();

        using var response = await SendAsync(admin, method, pattern.Replace("{tenant}", "no-such-tenant", StringComparison.Ordinal));

        await TestApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [MemberData(nameof(TenantRoutes))]
    public async Task TenantRoute_NoKey_Is401(string method, string pattern)
    {
        using var anonymous = Host.Client(null);

        using var response = await SendAsync(anonymous, method, pattern.Replace("{tenant}", _tenantA, StringComparison.Ordinal));

        await TestApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task TenantRoute_UnknownKey_Is401()
    {
        using var stranger = Host.Client("ehk_" + new string('x', 43));

        using var response = await stranger.GetAsync($"/api/v1/tenants/{_tenantA}/components", Cancellation);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_TenantKey_Is403EvenForItsOwnVersion(string method, string pattern)
    {
        using var response = await SendAsync(_clientA, method, pattern.Replace("{version}", _versionId, StringComparison.Ordinal));

        await TestApi.AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal((1, 1, 0), await Host.RowsAsync(_tenantA));
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task AdminRoute_NoKey_Is401(string method, string pattern)
    {
        using var anonymous = Host.Client(null);

        using var response = await SendAsync(anonymous, method, pattern.Replace("{version}", _versionId, StringComparison.Ordinal));

        await TestApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task TenantRoutes_OwnKey_SeeOnlyOwnComponents()
    {
        var (tenantC, clientC) = await Host.CreateTenantAsync("c");
        using var _ = clientC;

        var own = (await clientC.GetJsonAsync($"/api/v1/tenants/{tenantC}/components")).AsArray();
        using var byName = await clientC.GetAsync($"/api/v1/tenants/{tenantC}/components/hooks/versions", Cancellation);

        Assert.Empty(own);
        await TestApi.AssertProblemAsync(byName, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task TenantRoutes_AdminKey_ActsOnAnyTenant()
    {
        using var admin = Host.Admin();

        var versions = (await admin.GetJsonAsync(TestApi.Versions(_tenantA, "hooks"))).AsArray();

        Assert.Equal(_versionId, Assert.Single(versions)!.Str("id"));
    }

    [Fact]
    public async Task Me_TenantKey_NamesItsTenantAndKey()
    {
        using var admin = Host.Admin();

        var me = await _clientA.GetJsonAsync("/api/v1/me");

        Assert.False(me["admin"]!.GetValue<bool>());
        Assert.Equal(_tenantA, me.Str("tenant"));
        var keys = (await admin.GetJsonAsync($"/api/v1/admin/tenants/{_tenantA}/keys")).AsArray();
        Assert.Equal(keys.Single()!.Str("id"), me.Str("keyId"));
    }

    [Fact]
    public async Task Me_AdminKey_IsAdminOfNoTenant()
    {
        using var admin = Host.Admin();

        var me = await admin.GetJsonAsync("/api/v1/me");

        Assert.True(me["admin"]!.GetValue<bool>());
        Assert.Null(me["tenant"]);
    }

    [Fact]
    public async Task Me_NoKey_Is401()
    {
        using var anonymous = Host.Client(null);

        using var response = await anonymous.GetAsync("/api/v1/me", Cancellation);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    /// <summary>
    /// The matrix over the whole route table, so a route added later cannot forget the tenant check:
    /// every <c>/api/v1/tenants/{tenant}/…</c> route answers another tenant's key with 404, every
    /// <c>/api/v1/admin/…</c> route answers a tenant key with 403.
    /// </summary>
    [Fact]
    public async Task EveryRoute_InTheRouteTable_IsolatesTenantsAndGuardsAdminRoutes()
    {
        var routes = Host.ApiRoutes();
        List<string> failures = [];
        var checkedRoutes = 0;

        foreach (var (method, pattern) in routes)
        {
            var raw = pattern.RawText!;
            var path = SamplePath(pattern);
            HttpStatusCode expected;
            if (pattern.Parameters.Any(p => p.Name == "tenant") && raw.StartsWith("/api/v1/tenants/", StringComparison.Ordinal))
            {
                expected = HttpStatusCode.NotFound;
            }
            else if (raw.StartsWith("/api/v1/admin", StringComparison.Ordinal))
            {
                expected = HttpStatusCode.Forbidden;
            }
            else
            {
                continue;
            }

            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = path.EndsWith("/versions", StringComparison.Ordinal)
                    ? TestApi.WasmContent(Guests.Tagged(TestWasm.WatHandler(), "intruder"))
                    : new StringContent("{}", Encoding.UTF8, "application/json");
            }

            using var response = await _clientB.SendAsync(request, Cancellation);
            checkedRoutes++;
            if (response.StatusCode != expected)
            {
                failures.Add($"{method} {raw} → {(int)response.StatusCode}, expected {(int)expected}");
            }
        }

        // Components 4, reviews 5 and the admin routes of tenants, settings and kill switches at least.
        Assert.True(checkedRoutes >= 20, $"only {checkedRoutes} routes checked");
        Assert.Empty(failures);
        Assert.Equal((1, 1, 0), await Host.RowsAsync(_tenantA));
    }

    private string SamplePath(RoutePattern pattern) => ApiHost.RoutePath(pattern, parameter => parameter switch
    {
        { Name: "tenant" } => _tenantA,
        { Name: "versionId" } => _versionId,
        { Name: "name" or "component" } => "hooks",
        { Name: "version" } => "1",
        _ when parameter.ParameterPolicies.Any(x => x.Content == "guid") => Guid.NewGuid().ToString(),
        { IsCatchAll: true } => "saas:extensibility/event-handler@1.0.0/handle",
        _ => "sample",
    });

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path) => method switch
    {
        "GET" => client.GetAsync(path, Cancellation),
        _ when path.EndsWith("/versions", StringComparison.Ordinal) => client.PostAsync(path, TestApi.WasmContent(Guests.Tagged(TestWasm.WatHandler(), "intruder")), Cancellation),
        _ when path.EndsWith("/reject", StringComparison.Ordinal) => client.PostAsJsonAsync(path, new { reason = "no" }, Cancellation),
        _ when path == "/api/v1/tenants" => client.PostAsJsonAsync(path, new { id = "sneaky", name = "Sneaky" }, Cancellation),
        _ => client.PostAsync(path, null, Cancellation),
    };
}
