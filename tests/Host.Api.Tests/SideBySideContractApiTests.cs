namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// <c>saas:extensibility@1.0.0</c> and <c>@1.1.0</c> side by side in one host: a 1.0 handler and a
/// 1.1 handler, both built from source (Rust std or standard Go), subscribed to the same event. The
/// 1.0 one runs unchanged; the 1.1 one gets the event's metadata and outbound-http, whose allowed
/// fetch reaches a real loopback server and whose forbidden fetch is an error value with no
/// connection made.
/// </summary>
[Collection(RuntimeApiCollection.Name)]
public sealed class SideBySideContractApiTests(RuntimeApiFixture fixture) : IDisposable
{
    private readonly LoopbackHttpServer _allowed = new();
    private readonly LoopbackHttpServer _forbidden = new(http: false);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string> Languages() => ["rust-std", "go"];

    public void Dispose()
    {
        _allowed.Dispose();
        _forbidden.Dispose();
    }

    /// <summary>Deploys <c>{lang}-event-handler</c> (1.0) as <c>legacy</c> and <c>{lang}-event-handler-1.1</c> as <c>current</c>, both sync on <paramref name="eventType"/>, legacy first.</summary>
    private async Task<(string Tenant, HttpClient Client)> DeployBothAsync(string lang, string eventType)
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("cv");
        await fixture.DeployAsync(tenant, client, "legacy", await File.ReadAllBytesAsync(Guests.Built($"{lang}-event-handler.wasm"), Cancellation));
        await fixture.DeployAsync(tenant, client, "current", await File.ReadAllBytesAsync(Guests.Built($"{lang}-event-handler-1.1.wasm"), Cancellation));
        foreach (var (component, rank) in new[] { ("legacy", 1), ("current", 2) })
        {
            using var response = await client.PutAsJsonAsync(
                $"/api/v1/tenants/{tenant}/subscriptions/{eventType}", new { component, mode = "sync", rank }, Cancellation);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancellation));
        }

        return (tenant, client);
    }

    private static async Task<JsonObject> PublishAsync(HttpClient client, string tenant, string eventType, JsonNode payload)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/events", new JsonObject { ["eventType"] = eventType, ["payload"] = payload }, Cancellation);
        return await TestApi.JsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<string[]> OutcomesAsync(HttpClient client, string tenant, string component) =>
        [.. (await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?component={component}"))["items"]!.AsArray().Select(i => i!.Str("outcome"))];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Publish_To10And11Handlers_BothRunAndThe11FetchReachesOnlyTheAllowedOrigin(string lang)
    {
        var (tenant, client) = await DeployBothAsync(lang, "order.fetch");
        using (var admin = fixture.Host.Admin())
        {
            using var put = await admin.PutAsJsonAsync(
                $"/api/v1/admin/tenants/{tenant}/components/current/outbound-origins", new { origins = new[] { _allowed.Origin } }, Cancellation);
            await TestApi.JsonAsync(put, HttpStatusCode.OK);
        }

        var allowed = await PublishAsync(client, tenant, "order.fetch", new JsonObject { ["url"] = $"{_allowed.Origin}/echo" });
        var forbidden = await PublishAsync(client, tenant, "order.fetch", new JsonObject { ["url"] = $"{_forbidden.Origin}/echo" });

        Assert.Equal(("proceeded", 200, ""), (allowed.Str("status"), allowed["payload"]!["status"]!.GetValue<int>(), allowed["payload"]!.Str("body")));
        var request = Assert.Single(_allowed.Requests);
        Assert.Equal(("GET", "/echo"), (request.Method, request.Target));
        Assert.Equal("proceeded", forbidden.Str("status"));
        Assert.StartsWith("forbidden: ", forbidden["payload"]!.Str("error"), StringComparison.Ordinal);
        Assert.Equal(0, _forbidden.Connections);
        Assert.Equal(["ok", "ok"], await OutcomesAsync(client, tenant, "legacy"));
        Assert.Equal(["ok", "ok"], await OutcomesAsync(client, tenant, "current"));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Publish_To10And11Handlers_OnlyThe11OneIsGivenTheMetadata(string lang)
    {
        var (tenant, client) = await DeployBothAsync(lang, "order.meta");

        var published = await PublishAsync(client, tenant, "order.meta", new JsonObject { ["id"] = 7 });

        // The 1.0 handler ran first and proceeded (it has no metadata to answer with); the 1.1 one
        // replaced the payload with the metadata it was given: the event's id as the correlation id
        // (the publisher named none) and depth 0 (not a follow-up).
        Assert.Equal("proceeded", published.Str("status"));
        Assert.Equal((published.Str("eventId"), 0), (published["payload"]!.Str("correlationId"), published["payload"]!["depth"]!.GetValue<int>()));
        Assert.Equal(["ok"], await OutcomesAsync(client, tenant, "legacy"));
        Assert.Equal(["ok"], await OutcomesAsync(client, tenant, "current"));
    }

    [Fact]
    public async Task Publish_ToTheRust11Handler_UsesKeyValueGetSetAndDeleteAt11()
    {
        var (tenant, client) = await DeployBothAsync("rust-std", "order.counted");
        using (var subscribe = await client.PutAsJsonAsync(
            $"/api/v1/tenants/{tenant}/subscriptions/order.reset", new { component = "current", mode = "sync" }, Cancellation))
        {
            Assert.True(subscribe.IsSuccessStatusCode);
        }

        await PublishAsync(client, tenant, "order.counted", new JsonObject());
        await PublishAsync(client, tenant, "order.counted", new JsonObject());
        var reset = await PublishAsync(client, tenant, "order.reset", new JsonObject());
        await PublishAsync(client, tenant, "order.counted", new JsonObject());

        Assert.True(reset["payload"]!["reset"]!.GetValue<bool>());
        var lines = (await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?component=current"))["items"]!.AsArray()
            .SelectMany(i => i!["logs"]!.AsArray().Select(l => l!.Str("message")))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["rust-std-1.1 logged order.counted, call 1", "rust-std-1.1 logged order.counted, call 1", "rust-std-1.1 logged order.counted, call 2"], lines);
    }
}
