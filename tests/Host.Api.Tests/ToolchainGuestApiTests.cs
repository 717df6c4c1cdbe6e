namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Rust-std and standard Go guests, built from source, through the whole API: uploaded, approved,
/// handling published events (sync veto and replace) and an extension point call, with what they
/// wrote to standard output in the invocation log.
/// </summary>
[Collection(RuntimeApiCollection.Name)]
public sealed class ToolchainGuestApiTests(RuntimeApiFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Languages() => new() { { "rust-std", "rust-std" }, { "go", "go" } };

    private static async Task SubscribeSyncAsync(HttpClient client, string tenant, string eventType, string component)
    {
        using var response = await client.PutAsJsonAsync(
            $"/api/v1/tenants/{tenant}/subscriptions/{eventType}", new { component, mode = "sync" }, Cancellation);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private static async Task<JsonObject> PublishAsync(HttpClient client, string tenant, string eventType, JsonNode payload)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/events", new JsonObject { ["eventType"] = eventType, ["payload"] = payload }, Cancellation);
        return await TestApi.JsonAsync(response, HttpStatusCode.OK);
    }

    private static async Task<JsonArray> InvocationsAsync(HttpClient client, string tenant, string query) =>
        (await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?{query}"))["items"]!.AsArray();

    private static IEnumerable<(string Source, string Level, string Message)> Lines(JsonNode invocation) =>
        invocation["logs"]!.AsArray().Select(l => (l!.Str("source"), l!.Str("level"), l!.Str("message")));

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Publish_SyncSubscriptionOfAToolchainGuest_VetoesReplacesAndLogsItsStdout(string guest, string lang)
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("tc");
        await fixture.DeployAsync(tenant, client, "orders", await File.ReadAllBytesAsync(Guests.Built($"{guest}-event-handler.wasm"), Cancellation));
        await SubscribeSyncAsync(client, tenant, "order.placed", "orders");
        await SubscribeSyncAsync(client, tenant, "order.rewrite", "orders");

        var vetoed = await PublishAsync(client, tenant, "order.placed", new JsonObject { ["note"] = "forbidden" });
        var replaced = await PublishAsync(client, tenant, "order.rewrite", new JsonObject { ["id"] = 1 });

        Assert.Equal(("vetoed", $"{lang} says no"), (vetoed.Str("status"), vetoed.Str("reason")));
        Assert.Equal("proceeded", replaced.Str("status"));
        Assert.Equal(lang, replaced["payload"]!.Str("rewrittenBy"));
        Assert.Equal(2, replaced["payload"]!["count"]!.GetValue<int>());
        var invocation = Assert.Single(await InvocationsAsync(client, tenant, $"eventId={replaced.Str("eventId")}"))!;
        Assert.Equal(
            [("stdout", "info", $"{lang} handler: order.rewrite {replaced.Str("eventId")}"), ("log", "info", $"{lang} logged order.rewrite")],
            Lines(invocation));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task InvokePoint_BoundToAToolchainGuest_AnswersWithItsStdoutAndStderrInTheLog(string guest, string lang)
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("tc");
        await fixture.DeployAsync(tenant, client, "enricher", await File.ReadAllBytesAsync(Guests.Built($"{guest}-point.wasm"), Cancellation));
        await RuntimeApiFixture.BindAsync(client, tenant, "tool.closed", "enricher");

        using var response = await RuntimeApiFixture.InvokePointAsync(client, tenant, "tool.closed", new JsonObject { ["sku"] = "a-1" });

        var body = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal((lang, "tool.closed", "a-1"), (body["output"]!.Str("lang"), body["output"]!.Str("point"), body["output"]!["input"]!.Str("sku")));
        var invocation = Assert.Single(await InvocationsAsync(client, tenant, "component=enricher"))!;
        Assert.Contains(("stdout", "info", $"{lang} point: tool.closed"), Lines(invocation));
        Assert.Contains(("stderr", "error", $"{lang} stderr: tool.closed"), Lines(invocation));
    }
}
