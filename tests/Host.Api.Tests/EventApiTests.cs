namespace ExtensibilityHost.Api.Tests;

/// <summary>Subscriptions, publishing over HTTP and async deliveries, with real guests.</summary>
[Collection(RuntimeApiCollection.Name)]
public sealed class EventApiTests(RuntimeApiFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task SubscribeAsync(HttpClient client, string tenant, string eventType, string component, string mode, int? rank = null)
    {
        using var response = await client.PutAsJsonAsync(
            $"/api/v1/tenants/{tenant}/subscriptions/{eventType}", new { component, mode, rank }, Cancellation);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private static async Task<JsonObject> PublishAsync(HttpClient client, string tenant, string eventType, JsonNode payload)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/events", new JsonObject { ["eventType"] = eventType, ["payload"] = payload }, Cancellation);
        return await TestApi.JsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Publish_SyncReplaceThenVeto_PublisherSeesTheVetoOfTheReplacedPayload()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");
        await fixture.DeployAsync(tenant, client, "rewriter", await File.ReadAllBytesAsync(Guests.Built("js-event-handler.wasm"), Cancellation));
        await fixture.DeployAsync(tenant, client, "judge", RuntimeApiFixture.Wat("veto-echo-event-handler"));
        await SubscribeAsync(client, tenant, "order.rewrite", "rewriter", "sync", rank: 1);
        await SubscribeAsync(client, tenant, "order.rewrite", "judge", "sync", rank: 2);

        var result = await PublishAsync(client, tenant, "order.rewrite", new JsonObject { ["id"] = 7 });

        Assert.Equal("vetoed", result.Str("status"));
        Assert.Equal("judge", result.Str("vetoedBy"));
        Assert.Equal("""{"rewritten":true,"original":"{\"id\":7}"}""", result.Str("reason"));
        Assert.Equal(["replace", "veto"], result["decisions"]!.AsArray().Select(d => d!.Str("decision")));
        Assert.Empty(result["deliveryIds"]!.AsArray());
    }

    [Fact]
    public async Task Publish_SyncReplace_PublisherSeesTheNewPayload()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");
        await fixture.DeployAsync(tenant, client, "rewriter", await File.ReadAllBytesAsync(Guests.Built("js-event-handler.wasm"), Cancellation));
        await SubscribeAsync(client, tenant, "order.rewrite", "rewriter", "sync");

        var result = await PublishAsync(client, tenant, "order.rewrite", new JsonObject { ["id"] = 8 });

        Assert.Equal("proceeded", result.Str("status"));
        Assert.True(result["payload"]!["rewritten"]!.GetValue<bool>());
        Assert.Equal("""{"id":8}""", result["payload"]!.Str("original"));
    }

    [Fact]
    public async Task Publish_AsyncSubscription_IsDeliveredByTheDispatcherWithTheEventId()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");
        await fixture.DeployAsync(tenant, client, "audit", RuntimeApiFixture.Wat("event-handler"));
        await SubscribeAsync(client, tenant, "order.placed", "audit", "async");

        var result = await PublishAsync(client, tenant, "order.placed", new JsonObject { ["id"] = 9 });

        var deliveryId = result["deliveryIds"]!.AsArray().Single()!.GetValue<Guid>();
        var delivery = await WaitForDeliveryAsync(client, tenant, deliveryId, "delivered");
        Assert.Equal(result.Str("eventId"), delivery.Str("eventId"));
        Assert.Equal(1, delivery["attempts"]!.GetValue<int>());
        var invocations = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?eventId={result.Str("eventId")}");
        var invocation = invocations["items"]!.AsArray().Single()!;
        Assert.Equal("ok", invocation.Str("outcome"));
        Assert.Equal("wat handler: event received", invocation["logs"]![0]!.Str("message"));
    }

    [Fact]
    public async Task Replay_DeliveryThatIsNotDeadLettered_Is409AndUnknownIs404()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");
        await fixture.DeployAsync(tenant, client, "audit", RuntimeApiFixture.Wat("event-handler"));
        await SubscribeAsync(client, tenant, "order.placed", "audit", "async");
        var result = await PublishAsync(client, tenant, "order.placed", new JsonObject());
        var deliveryId = result["deliveryIds"]!.AsArray().Single()!.GetValue<Guid>();
        await WaitForDeliveryAsync(client, tenant, deliveryId, "delivered");

        using var delivered = await client.PostAsync($"/api/v1/tenants/{tenant}/deliveries/{deliveryId}/replay", null, Cancellation);
        using var unknown = await client.PostAsync($"/api/v1/tenants/{tenant}/deliveries/{Guid.NewGuid()}/replay", null, Cancellation);

        await TestApi.AssertProblemAsync(delivered, HttpStatusCode.Conflict, "conflict");
        await TestApi.AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Publish_InvalidEventType_Is400NamingTheField()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/events", new { eventType = "Not An Event", payload = new { } }, Cancellation);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotNull(problem["errors"]!["eventType"]);
    }

    [Fact]
    public async Task Subscribe_ComponentTheTenantDoesNotHave_Is400()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");

        using var response = await client.PutAsJsonAsync(
            $"/api/v1/tenants/{tenant}/subscriptions/order.placed", new { component = "ghost", mode = "sync" }, Cancellation);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotNull(problem["errors"]!["component"]);
    }

    [Fact]
    public async Task Subscriptions_OfAnotherTenant_Are404()
    {
        var (tenant, _) = await fixture.Host.CreateTenantAsync("ev");
        var (_, other) = await fixture.Host.CreateTenantAsync("ev");

        using var list = await other.GetAsync($"/api/v1/tenants/{tenant}/subscriptions", Cancellation);
        using var publish = await other.PostAsJsonAsync($"/api/v1/tenants/{tenant}/events", new { eventType = "order.placed", payload = 1 }, Cancellation);

        await TestApi.AssertProblemAsync(list, HttpStatusCode.NotFound, "not-found");
        await TestApi.AssertProblemAsync(publish, HttpStatusCode.NotFound, "not-found");
    }

    private static async Task<JsonNode> WaitForDeliveryAsync(HttpClient client, string tenant, Guid deliveryId, string status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var delivery = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/deliveries/{deliveryId}");
            if (delivery.Str("status") == status)
            {
                return delivery;
            }

            Assert.True(DateTime.UtcNow < deadline, $"delivery {deliveryId} is still {delivery.Str("status")}");
            await Task.Delay(50, Cancellation);
        }
    }
}
