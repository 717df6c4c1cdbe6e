namespace ExtensibilityHost.Api.Tests;

/// <summary><c>POST /api/v1/admin/reviews/{versionId}/shadow-run</c> and decisions with a reason.</summary>
[Collection(RuntimeApiCollection.Name)]
public sealed class ShadowRunApiTests(RuntimeApiFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>An active WAT event handler that handled <paramref name="events"/> published events, and a pending version that vetoes everything.</summary>
    private async Task<(string Tenant, HttpClient Client, string CandidateId)> ScenarioAsync(int events)
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("sr");
        await fixture.DeployAsync(tenant, client, "hooks", RuntimeApiFixture.Wat("event-handler"));
        using (var subscribe = await client.PutAsJsonAsync($"/api/v1/tenants/{tenant}/subscriptions/order.placed", new { component = "hooks", mode = "sync" }, Cancellation))
        {
            subscribe.EnsureSuccessStatusCode();
        }

        for (var i = 0; i < events; i++)
        {
            using var published = await client.PostAsJsonAsync(
                $"/api/v1/tenants/{tenant}/events", new JsonObject { ["eventType"] = "order.placed", ["payload"] = new JsonObject { ["n"] = i, ["password"] = "hunter2" } }, Cancellation);
            published.EnsureSuccessStatusCode();
        }

        var candidate = await client.UploadVersionAsync(tenant, "hooks", RuntimeApiFixture.Wat("veto-echo-event-handler"));
        return (tenant, client, candidate.Str("id"));
    }

    [Fact]
    public async Task ShadowRun_PendingVersion_ReplaysRecordedInputsAgainstBothVersions()
    {
        var (_, client, candidate) = await ScenarioAsync(events: 3);
        using var _ = client;
        using var admin = fixture.Host.Admin();

        using var response = await admin.PostAsJsonAsync($"/api/v1/admin/reviews/{candidate}/shadow-run", new { count = 2 }, Cancellation);

        var run = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal((2, 1, 2, 2), (run["version"]!.GetValue<int>(), run["comparedWith"]!.GetValue<int>(), run["inputs"]!.GetValue<int>(), run["differing"]!.GetValue<int>()));
        var newest = run["runs"]![0]!;
        Assert.True(newest["differs"]!.GetValue<bool>());
        Assert.Equal("event:order.placed", newest.Str("label"));
        Assert.Equal("saas:extensibility/event-handler@1.0.0#handle", newest.Str("target"));
        Assert.Equal("proceed", newest["active"]!["output"]!["ok"]!.Str("tag"));
        Assert.Equal("veto", newest["candidate"]!["output"]!["ok"]!.Str("tag"));
        Assert.Contains("\"password\":\"[redacted]\"", newest["args"]![0]!.Str("payload"), StringComparison.Ordinal);
        Assert.Equal("wat handler: event received", newest["active"]!["logs"]![0]!.Str("message"));
    }

    [Fact]
    public async Task Invocations_RecordedInput_IsInTheInvocationLogRedacted()
    {
        var (tenant, client, _) = await ScenarioAsync(events: 1);
        using var _ = client;

        var invocation = (await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?component=hooks"))["items"]![0]!;

        Assert.Equal("saas:extensibility/event-handler@1.0.0#handle", invocation["input"]!.Str("target"));
        var payload = JsonNode.Parse(invocation["input"]!["args"]![0]!.Str("payload"))!;
        Assert.Equal((0, "[redacted]"), (payload["n"]!.GetValue<int>(), payload.Str("password")));
    }

    [Fact]
    public async Task ShadowRun_WithoutBody_ReplaysUpToTen()
    {
        var (_, client, candidate) = await ScenarioAsync(events: 1);
        using var _ = client;
        using var admin = fixture.Host.Admin();

        using var response = await admin.PostAsync($"/api/v1/admin/reviews/{candidate}/shadow-run", null, Cancellation);

        Assert.Equal(1, (await TestApi.JsonAsync(response, HttpStatusCode.OK))["inputs"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task ShadowRun_CountOutOfRange_Is400(int count)
    {
        using var admin = fixture.Host.Admin();

        using var response = await admin.PostAsJsonAsync($"/api/v1/admin/reviews/{Guid.NewGuid()}/shadow-run", new { count }, Cancellation);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotNull(problem["errors"]!["count"]);
    }

    [Fact]
    public async Task ShadowRun_UnknownVersionIs404AndTenantKeyIs403()
    {
        var (_, client) = await fixture.Host.CreateTenantAsync("sr");
        using var _ = client;
        using var admin = fixture.Host.Admin();

        using var unknown = await admin.PostAsync($"/api/v1/admin/reviews/{Guid.NewGuid()}/shadow-run", null, Cancellation);
        using var forbidden = await client.PostAsync($"/api/v1/admin/reviews/{Guid.NewGuid()}/shadow-run", null, Cancellation);

        await TestApi.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await TestApi.AssertProblemAsync(forbidden, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Approve_WithAReason_KeepsItInTheAuditTrailOnly()
    {
        var (tenant, client, candidate) = await ScenarioAsync(events: 0);
        using var _ = client;
        using var admin = fixture.Host.Admin();

        using var response = await admin.PostAsJsonAsync($"/api/v1/admin/reviews/{candidate}/approve", new { reason = "shadow run clean" }, Cancellation);

        var version = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("active", version.Str("status"));
        Assert.Null(version["statusReason"]);
        var history = (await admin.GetJsonAsync($"/api/v1/admin/reviews/{candidate}/history")).AsArray();
        Assert.Equal(("approved", "shadow run clean"), (history[^1]!.Str("decision"), history[^1]!.Str("reason")));
        Assert.Equal("active", (await client.GetJsonAsync(TestApi.Versions(tenant, "hooks") + "/2")).Str("status"));
    }

    [Fact]
    public async Task Approve_ReasonOverTheCap_Is400AndDecidesNothing()
    {
        var (tenant, client, candidate) = await ScenarioAsync(events: 0);
        using var _ = client;
        using var admin = fixture.Host.Admin();

        using var response = await admin.PostAsJsonAsync($"/api/v1/admin/reviews/{candidate}/approve", new { reason = new string('x', 2001) }, Cancellation);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal("pending", (await client.GetJsonAsync(TestApi.Versions(tenant, "hooks") + "/2")).Str("status"));
    }
}
