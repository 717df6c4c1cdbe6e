namespace ExtensibilityHost.Api.Tests;

/// <summary><c>POST …/extension-points/{point}/invoke</c> with a real guest (point-echo.wat) and the failure policies.</summary>
[Collection(RuntimeApiCollection.Name)]
public sealed class ExtensionPointApiTests(RuntimeApiFixture fixture)
{
    private async Task<(string Tenant, HttpClient Client)> TenantWithEchoAsync(params string[] points)
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ep");
        await fixture.DeployAsync(tenant, client, "echo", RuntimeApiFixture.Wat("point-echo"));
        foreach (var point in points)
        {
            await RuntimeApiFixture.BindAsync(client, tenant, point, "echo");
        }

        return (tenant, client);
    }

    [Fact]
    public async Task Invoke_BoundPoint_ReturnsTheExtensionsOutput()
    {
        var (tenant, client) = await TenantWithEchoAsync("echo.closed");

        using var response = await RuntimeApiFixture.InvokePointAsync(client, tenant, "echo.closed", new JsonObject { ["order"] = 42 });

        var body = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(42, body["output"]!["order"]!.GetValue<int>());
        Assert.False(body["usedDefault"]!.GetValue<bool>());
        Assert.Equal("ok", body.Str("outcome"));
        Assert.Equal("echo", body.Str("component"));
    }

    [Fact]
    public async Task GetInvocation_OfAPointCall_HasTheRecordedInputAndOutput()
    {
        var (tenant, client) = await TenantWithEchoAsync("echo.closed");
        using var call = await RuntimeApiFixture.InvokePointAsync(client, tenant, "echo.closed", new JsonObject { ["order"] = 7 });
        var invocationId = (await TestApi.JsonAsync(call, HttpStatusCode.OK)).Str("invocationId");

        var invocation = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations/{invocationId}");

        Assert.Equal(invocationId, invocation.Str("id"));
        Assert.Equal("ok", invocation.Str("outcome"));
        Assert.Equal("point:echo.closed", invocation.Str("target"));
        Assert.Equal("saas:extensibility/extension-point@1.0.0#invoke", invocation["input"]!.Str("target"));
        Assert.Equal(["echo.closed", """{"order":7}"""], invocation["input"]!["args"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("""{"order":7}""", invocation["output"]!.Str("ok"));
    }

    [Fact]
    public async Task GetInvocation_UnknownId_Is404()
    {
        var (tenant, client) = await TenantWithEchoAsync();

        using var response = await client.GetAsync($"/api/v1/tenants/{tenant}/invocations/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Invoke_FailOpenPointThatTimesOut_ReturnsTheDefault()
    {
        var (tenant, client) = await TenantWithEchoAsync("echo.open");

        using var response = await RuntimeApiFixture.InvokePointAsync(client, tenant, "echo.open", JsonValue.Create("loop"));

        var body = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.True(body["usedDefault"]!.GetValue<bool>());
        Assert.True(body["output"]!["fallback"]!.GetValue<bool>());
        Assert.Equal("timeout", body.Str("outcome"));
    }

    [Fact]
    public async Task Invoke_FailClosedPointThatTimesOut_Is504TimeoutProblem()
    {
        var (tenant, client) = await TenantWithEchoAsync("echo.closed");

        using var response = await RuntimeApiFixture.InvokePointAsync(client, tenant, "echo.closed", JsonValue.Create("loop"));

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.GatewayTimeout, "timeout");
        Assert.Equal("timeout", problem.Str("outcome"));
        Assert.NotNull(problem["invocationId"]);
    }

    [Fact]
    public async Task Invoke_FailClosedPointWhoseExtensionReturnsErr_Is422WithTheFailure()
    {
        var (tenant, client) = await TenantWithEchoAsync("echo.closed");

        using var response = await RuntimeApiFixture.InvokePointAsync(client, tenant, "echo.closed", JsonValue.Create("fail"));

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "guest-error");
        Assert.Equal("echo-fail", problem["errorValue"]!.Str("code"));
    }

    [Fact]
    public async Task Invoke_FailClosedPointWhoseExtensionTraps_Is502TrapWithItsKind()
    {
        var (tenant, client) = await TenantWithEchoAsync("echo.closed");

        using var response = await RuntimeApiFixture.InvokePointAsync(client, tenant, "echo.closed", JsonValue.Create("trap"));

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadGateway, "trap");
        Assert.Equal("unreachable", problem.Str("trap"));
    }

    [Fact]
    public async Task Invoke_PointTheTenantDidNotBind_Is404NotBound()
    {
        var (tenant, client) = await TenantWithEchoAsync();

        using var response = await RuntimeApiFixture.InvokePointAsync(client, tenant, "echo.closed", JsonValue.Create(1));

        await TestApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "extension-point-not-bound");
    }

    [Fact]
    public async Task Bind_UnknownPoint_Is404()
    {
        var (tenant, client) = await TenantWithEchoAsync();

        using var response = await client.PutAsJsonAsync(
            $"/api/v1/tenants/{tenant}/extension-points/no.such.point/binding", new { component = "echo" }, TestContext.Current.CancellationToken);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task ListPoints_ShowsTheConfiguredPointsAndPolicies()
    {
        using var admin = fixture.Host.Admin();

        var points = (await admin.GetJsonAsync("/api/v1/extension-points")).AsArray();

        var open = points.Single(p => p!.Str("name") == "echo.open")!;
        Assert.Equal("fail-open", open.Str("failurePolicy"));
        Assert.Equal("generic", open.Str("kind"));
        Assert.Equal(100, open["timeoutMs"]!.GetValue<double>());
    }

    [Theory]
    [InlineData("echo.closed")]
    [InlineData("echo.open")]
    public async Task Invoke_WhileTheTenantIsAtItsConcurrencyLimit_Is429WithRetryAfterWhateverThePolicy(string point)
    {
        var (tenant, client) = await TenantWithEchoAsync(point);

        // The limit is one call per tenant: while a looping call holds the slot (until its 100 ms
        // deadline), quick calls are refused. A quick call can win the slot before the slow one
        // takes it, so the scenario is retried a few times rather than timed.
        HttpResponseMessage? refused = null;
        for (var attempt = 0; attempt < 5 && refused is null; attempt++)
        {
            var slow = RuntimeApiFixture.InvokePointAsync(client, tenant, point, JsonValue.Create("loop"));
            await Task.Delay(20, TestContext.Current.CancellationToken);
            while (refused is null && !slow.IsCompleted)
            {
                var quick = await RuntimeApiFixture.InvokePointAsync(client, tenant, point, JsonValue.Create(1));
                if (quick.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    refused = quick;
                }
                else
                {
                    quick.Dispose();
                }
            }

            (await slow).Dispose();
        }

        Assert.NotNull(refused);
        using (refused)
        {
            await TestApi.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests, "concurrency-limited");
            Assert.Equal("1", refused.Headers.RetryAfter?.ToString());
        }
    }
}
