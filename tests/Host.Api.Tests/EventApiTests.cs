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
    public async Task Publish_AsyncWithACorrelationId_TheOutboxDeliversItToA11HandlersMetadata()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");
        await fixture.DeployAsync(tenant, client, "meta", RuntimeApiFixture.Wat("metadata-event-handler-1.1"));
        await SubscribeAsync(client, tenant, "order.placed", "meta", "async");

        var result = await PublishWithCorrelationAsync(client, tenant, "order.placed", "checkout-42");

        var deliveryId = result["deliveryIds"]!.AsArray().Single()!.GetValue<Guid>();
        var delivery = await WaitForDeliveryAsync(client, tenant, deliveryId, "delivered");
        Assert.Equal(("checkout-42", 0), (delivery.Str("correlationId"), delivery["depth"]!.GetValue<int>()));
        // The handler answers veto(<metadata.correlation-id>): an async handler's decision is recorded, not applied.
        Assert.Equal("checkout-42", VetoReason(await HandlerOutputAsync(client, tenant, result.Str("eventId"))));
    }

    [Fact]
    public async Task Publish_AsyncWithoutACorrelationId_A11HandlerGetsTheEventId()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");
        await fixture.DeployAsync(tenant, client, "meta", RuntimeApiFixture.Wat("metadata-event-handler-1.1"));
        await SubscribeAsync(client, tenant, "order.placed", "meta", "async");

        var result = await PublishAsync(client, tenant, "order.placed", new JsonObject());

        var delivery = await WaitForDeliveryAsync(client, tenant, result["deliveryIds"]!.AsArray().Single()!.GetValue<Guid>(), "delivered");
        Assert.Equal(result.Str("eventId"), delivery.Str("correlationId"));
        Assert.Equal(result.Str("eventId"), VetoReason(await HandlerOutputAsync(client, tenant, result.Str("eventId"))));
    }

    /// <summary>Toolchain guests built against 1.1 (wit-bindgen, Go's bindings) read the metadata the outbox delivers.</summary>
    [Theory]
    [InlineData("rust-std-event-handler-1.1.wasm")]
    [InlineData("go-event-handler-1.1.wasm")]
    public async Task Publish_AsyncWithACorrelationId_A11ToolchainHandlerReadsItFromItsMetadata(string guest)
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");
        await fixture.DeployAsync(tenant, client, "meta", await File.ReadAllBytesAsync(Guests.Built(guest), Cancellation));
        await SubscribeAsync(client, tenant, "order.meta", "meta", "async");

        var result = await PublishWithCorrelationAsync(client, tenant, "order.meta", "trace-4bf92f3577b34da6");

        await WaitForDeliveryAsync(client, tenant, result["deliveryIds"]!.AsArray().Single()!.GetValue<Guid>(), "delivered");
        // The handler answers replace({"correlationId":…,"depth":…}).
        var output = await HandlerOutputAsync(client, tenant, result.Str("eventId"));
        Assert.Equal("replace", output["ok"]!.Str("tag"));
        var replaced = JsonNode.Parse(output["ok"]!.Str("value"))!;
        Assert.Equal(("trace-4bf92f3577b34da6", 0), (replaced.Str("correlationId"), replaced["depth"]!.GetValue<int>()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("line\nbreak")]
    [InlineData("caf\u00e9")]
    [InlineData("x201")]
    public async Task Publish_InvalidCorrelationId_Is400NamingTheFieldAndDeliversNothing(string correlationId)
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");
        await fixture.DeployAsync(tenant, client, "audit", RuntimeApiFixture.Wat("event-handler"));
        await SubscribeAsync(client, tenant, "order.placed", "audit", "async");
        var value = correlationId == "x201" ? new string('x', 201) : System.Text.RegularExpressions.Regex.Unescape(correlationId);

        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/events", new JsonObject { ["eventType"] = "order.placed", ["payload"] = new JsonObject(), ["correlationId"] = value }, Cancellation);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.Contains("visible ASCII", problem["errors"]!["correlationId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty((await client.GetJsonAsync($"/api/v1/tenants/{tenant}/deliveries")).AsArray());
    }

    [Fact]
    public async Task Publish_CorrelationIdOfTheLongestLength_IsAccepted()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("ev");
        await fixture.DeployAsync(tenant, client, "meta", RuntimeApiFixture.Wat("metadata-event-handler-1.1"));
        await SubscribeAsync(client, tenant, "order.placed", "meta", "async");
        var longest = new string('~', 199) + "!";

        var result = await PublishWithCorrelationAsync(client, tenant, "order.placed", longest);

        var delivery = await WaitForDeliveryAsync(client, tenant, result["deliveryIds"]!.AsArray().Single()!.GetValue<Guid>(), "delivered");
        Assert.Equal(longest, delivery.Str("correlationId"));
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

    private static async Task<JsonObject> PublishWithCorrelationAsync(HttpClient client, string tenant, string eventType, string correlationId)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/events",
            new JsonObject { ["eventType"] = eventType, ["payload"] = new JsonObject { ["orderId"] = 1 }, ["correlationId"] = correlationId },
            Cancellation);
        return await TestApi.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>The recorded output (WIT JSON) of the one invocation of the event's handler.</summary>
    private static async Task<JsonNode> HandlerOutputAsync(HttpClient client, string tenant, string eventId)
    {
        var invocations = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?eventId={eventId}");
        var invocation = invocations["items"]!.AsArray().Single()!;
        Assert.Equal("ok", invocation.Str("outcome"));
        return invocation["output"]!;
    }

    /// <summary>The reason of an <c>ok(veto(reason))</c> output: <c>{"ok": {"tag": "veto", "value": reason}}</c>.</summary>
    private static string VetoReason(JsonNode output)
    {
        Assert.Equal("veto", output["ok"]!.Str("tag"));
        return output["ok"]!.Str("value");
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
