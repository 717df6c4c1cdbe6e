namespace ExtensibilityHost.Api.Tests;

/// <summary>Typed calls of exports, the invocation log, kill switches, the circuit breaker and settings over HTTP.</summary>
[Collection(RuntimeApiCollection.Name)]
public sealed class InvokeApiTests(RuntimeApiFixture fixture)
{
    private const string HandleRoute = "invoke/saas:extensibility/event-handler@1.0.0/handle";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static JsonObject Event(string payload) => new()
    {
        ["args"] = new JsonArray(new JsonObject
        {
            ["id"] = "e-1",
            ["event-type"] = "order.placed",
            ["tenant-id"] = "whoever",
            ["occurred-at"] = 1_764_000_000_000,
            ["payload"] = payload,
        }),
    };

    private static Task<HttpResponseMessage> InvokeAsync(HttpClient client, string tenant, string component, string route, JsonObject body) =>
        client.PostAsJsonAsync($"/api/v1/tenants/{tenant}/components/{component}/{route}", body, Cancellation);

    [Fact]
    public async Task Invoke_ExportOfTheActiveVersion_RoundTripsTypedJson()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        await fixture.DeployAsync(tenant, client, "handler", RuntimeApiFixture.Wat("event-handler"));

        using var response = await InvokeAsync(client, tenant, "handler", HandleRoute, Event("{}"));

        var body = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("proceed", body["output"]!["ok"]!.Str("tag"));
        Assert.Equal("ok", body.Str("outcome"));
        Assert.Equal(1, body["version"]!.GetValue<int>());
        Assert.Equal("wat handler: event received", body["logs"]![0]!.Str("message"));
    }

    [Fact]
    public async Task Invoke_EncodedInterfaceName_IsTheSameExport()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        await fixture.DeployAsync(tenant, client, "handler", RuntimeApiFixture.Wat("event-handler"));

        using var response = await InvokeAsync(client, tenant, "handler", "invoke/saas:extensibility%2Fevent-handler@1.0.0/handle", Event("{}"));

        await TestApi.JsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Invoke_ArgumentOfTheWrongType_Is400NamingTheField()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        await fixture.DeployAsync(tenant, client, "handler", RuntimeApiFixture.Wat("event-handler"));
        var body = Event("{}");
        body["args"]![0]!["occurred-at"] = "yesterday";

        using var response = await InvokeAsync(client, tenant, "handler", HandleRoute, body);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "argument-mismatch");
        Assert.Contains("occurred-at", problem.Str("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_ExportTheComponentDoesNotHave_Is404ExportNotFound()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        await fixture.DeployAsync(tenant, client, "handler", RuntimeApiFixture.Wat("event-handler"));

        using var response = await InvokeAsync(client, tenant, "handler", "invoke/saas:extensibility/event-handler@1.0.0/nope", Event("{}"));

        await TestApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "export-not-found");
    }

    [Fact]
    public async Task Invoke_ComponentWithoutAnApprovedVersion_Is409NoActiveVersion()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        await client.UploadVersionAsync(tenant, "handler", RuntimeApiFixture.Wat("event-handler"));

        using var response = await InvokeAsync(client, tenant, "handler", HandleRoute, Event("{}"));

        await TestApi.AssertProblemAsync(response, HttpStatusCode.Conflict, "no-active-version");
    }

    [Fact]
    public async Task KillSwitch_DisabledComponent_Is423UntilEnabledAgain()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        await fixture.DeployAsync(tenant, client, "handler", RuntimeApiFixture.Wat("event-handler"));
        using var admin = fixture.Host.Admin();
        var route = $"/api/v1/admin/tenants/{tenant}/components/handler/disabled";

        (await admin.PutAsJsonAsync(route, new { disabled = true }, Cancellation)).EnsureSuccessStatusCode();
        using var whileDisabled = await InvokeAsync(client, tenant, "handler", HandleRoute, Event("{}"));
        (await admin.PutAsJsonAsync(route, new { disabled = false }, Cancellation)).EnsureSuccessStatusCode();
        using var afterwards = await InvokeAsync(client, tenant, "handler", HandleRoute, Event("{}"));

        await TestApi.AssertProblemAsync(whileDisabled, HttpStatusCode.Locked, "component-disabled");
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    [Fact]
    public async Task KillSwitch_DisabledTenant_Is423()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        await fixture.DeployAsync(tenant, client, "handler", RuntimeApiFixture.Wat("event-handler"));
        using var admin = fixture.Host.Admin();

        (await admin.PutAsJsonAsync($"/api/v1/admin/tenants/{tenant}/disabled", new { disabled = true }, Cancellation)).EnsureSuccessStatusCode();
        using var response = await InvokeAsync(client, tenant, "handler", HandleRoute, Event("{}"));

        await TestApi.AssertProblemAsync(response, HttpStatusCode.Locked, "tenant-disabled");
    }

    [Fact]
    public async Task CircuitBreaker_FailuresInARow_SuspendTheVersionUntilAnAdminReenablesIt()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        var versionId = await fixture.DeployAsync(tenant, client, "echo", RuntimeApiFixture.Wat("point-echo"));
        const string Route = "invoke/saas:extensibility/extension-point@1.0.0/invoke";
        var trap = new JsonObject { ["args"] = new JsonArray("p", "\"trap\"") };
        var echo = new JsonObject { ["args"] = new JsonArray("p", "1") };

        for (var i = 0; i < RuntimeApiFixture.FailuresBeforeSuspension; i++)
        {
            using var failed = await InvokeAsync(client, tenant, "echo", Route, trap);
            await TestApi.AssertProblemAsync(failed, HttpStatusCode.BadGateway, "trap");
        }

        using var suspended = await InvokeAsync(client, tenant, "echo", Route, echo);
        using var admin = fixture.Host.Admin();
        using var reenable = await admin.PostAsJsonAsync($"/api/v1/admin/versions/{versionId}/reenable", new { reason = "fixed upstream" }, Cancellation);
        using var again = await InvokeAsync(client, tenant, "echo", Route, echo);

        var problem = await TestApi.AssertProblemAsync(suspended, HttpStatusCode.Conflict, "no-active-version");
        Assert.Contains("suspended", problem.Str("detail"), StringComparison.Ordinal);
        await TestApi.JsonAsync(reenable, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var history = (await admin.GetJsonAsync($"/api/v1/admin/reviews/{versionId}/history")).AsArray();
        Assert.Contains(history, h => h!.Str("decision") == "suspended");
        Assert.Contains(history, h => h!.Str("decision") == "reenabled");
    }

    [Fact]
    public async Task InvocationLog_FiltersByOutcomeAndPages()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        await fixture.DeployAsync(tenant, client, "handler", RuntimeApiFixture.Wat("event-handler"));
        for (var i = 0; i < 3; i++)
        {
            (await InvokeAsync(client, tenant, "handler", HandleRoute, Event("{}"))).Dispose();
        }

        var first = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?component=handler&outcome=ok&limit=2");
        var second = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?component=handler&outcome=ok&limit=2&offset={first["nextOffset"]}");
        var timeouts = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?outcome=timeout");

        Assert.Equal(2, first["items"]!.AsArray().Count);
        Assert.Single(second["items"]!.AsArray());
        Assert.Null(second["nextOffset"]);
        Assert.Empty(timeouts["items"]!.AsArray());
        var record = first["items"]![0]!;
        Assert.Equal("saas:extensibility/event-handler@1.0.0#handle", record.Str("target"));
        Assert.Equal(67108864, record["memoryLimitBytes"]!.GetValue<long>());
    }

    [Fact]
    public async Task InvocationLog_UnknownOutcomeFilter_Is400()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");

        using var response = await client.GetAsync($"/api/v1/tenants/{tenant}/invocations?outcome=exploded", Cancellation);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Settings_SetByAnAdmin_AreListedAndTenantsCannotSetThem()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        await fixture.DeployAsync(tenant, client, "handler", RuntimeApiFixture.Wat("event-handler"));
        using var admin = fixture.Host.Admin();
        var route = $"/api/v1/admin/tenants/{tenant}/components/handler/settings/greeting";

        using var set = await admin.PutAsJsonAsync(route, new { value = "hello" }, Cancellation);
        using var byTenant = await client.PutAsJsonAsync(route, new { value = "mine" }, Cancellation);
        var list = (await admin.GetJsonAsync($"/api/v1/admin/tenants/{tenant}/components/handler/settings")).AsArray();

        Assert.Equal(HttpStatusCode.Created, set.StatusCode);
        await TestApi.AssertProblemAsync(byTenant, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("hello", list.Single()!.Str("value"));
    }

    [Fact]
    public async Task Metrics_AfterInvocations_ExportTheInvocationCounterByOutcome()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("iv");
        await fixture.DeployAsync(tenant, client, "handler", RuntimeApiFixture.Wat("event-handler"));
        using var anonymous = fixture.Host.Client(null);

        // prometheus-net starts listening to a new .NET instrument asynchronously, so the very first
        // measurement may be missed: keep invoking until the counter shows up (bounded).
        var pattern = new System.Text.RegularExpressions.Regex("extensibilityhost_exthost_invocations\\{[^}]*outcome=\"ok\"[^}]*\\} [1-9]");
        var text = "";
        for (var attempt = 0; attempt < 40 && !pattern.IsMatch(text); attempt++)
        {
            (await InvokeAsync(client, tenant, "handler", HandleRoute, Event("{}"))).Dispose();
            await Task.Delay(attempt == 0 ? 0 : 250, Cancellation);
            using var response = await anonymous.GetAsync("/metrics", Cancellation);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            text = await response.Content.ReadAsStringAsync(Cancellation);
        }

        Assert.Matches(pattern, text);
    }
}
