using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Sdk.Client;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// <see cref="ExtensibilityHostClient"/> against the real host on Kestrel, registered the way an
/// application registers it: each area of the API, and what the host answers coming back typed.
/// </summary>
[Collection(ClientCollection.Name)]
public sealed class ClientTests(HostFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static byte[] PointEcho => WatText.ToBinary(Guests.Wat("point-echo"));

    private static byte[] VetoEcho => WatText.ToBinary(Guests.Wat("veto-echo-event-handler"));

    /// <summary>A typed extension point's input and output, named the WIT way (kebab-case) by default.</summary>
    private sealed record Quote(string Sku, int UnitPriceCents);

    [Fact]
    public async Task WhoAmI_TenantKey_NamesTheTenant()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture);

        var me = await scenario.Client.WhoAmIAsync(Cancellation);

        Assert.Equal((false, scenario.Tenant), (me.Admin, me.Tenant));
    }

    [Fact]
    public async Task Events_SyncSubscriberVetoes_ThePublishResultCarriesItsReason()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture);
        await scenario.DeployAsync("gate", VetoEcho);
        await scenario.Client.Subscriptions.SubscribeAsync(scenario.Tenant, "order.placed", "gate", SubscriptionMode.Sync, cancellationToken: Cancellation);

        var result = await scenario.Client.Events.PublishAsync(scenario.Tenant, "order.placed", new { OrderId = 7 }, "evt-1", cancellationToken: Cancellation);

        Assert.Equal(("evt-1", "vetoed", true, "gate"), (result.EventId, result.Status, result.Vetoed, result.VetoedBy));
        Assert.Equal("""{"orderId":7}""", result.Reason);
        var decision = Assert.Single(result.Decisions);
        Assert.Equal(("gate", "veto", true), (decision.Component, decision.Decision, decision.StoppedTheOperation));
        Assert.Equal(7, result.PayloadAs<JsonObject>()!["orderId"]!.GetValue<int>());
    }

    [Fact]
    public async Task Events_CorrelationId_ReachesA11HandlersMetadataAndTheVersionSaysItTargets11()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture);
        var version = await scenario.DeployAsync("meta", WatText.ToBinary(Guests.Wat("metadata-event-handler-1.1")));
        await scenario.Client.Subscriptions.SubscribeAsync(scenario.Tenant, "order.placed", "meta", SubscriptionMode.Sync, cancellationToken: Cancellation);

        var given = await scenario.Client.Events.PublishAsync(scenario.Tenant, "order.placed", new { OrderId = 7 }, correlationId: "checkout-7", cancellationToken: Cancellation);
        var defaulted = await scenario.Client.Events.PublishAsync(scenario.Tenant, "order.placed", new { OrderId = 8 }, cancellationToken: Cancellation);

        // metadata-event-handler-1.1.wat vetoes with the correlation id it was given.
        Assert.Equal("1.1.0", version.ContractVersion);
        Assert.Equal(("vetoed", "checkout-7"), (given.Status, given.Reason));
        Assert.Equal(("vetoed", defaulted.EventId), (defaulted.Status, defaulted.Reason));
    }

    [Fact]
    public async Task Events_AsyncSubscriber_IsDeliveredAndListedWithItsDelivery()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture);
        await scenario.DeployAsync("audit", TestWasm.WatHandler());
        await scenario.Client.Subscriptions.SubscribeAsync(scenario.Tenant, "order.shipped", "audit", SubscriptionMode.Async, cancellationToken: Cancellation);

        var result = await scenario.Client.Events.PublishAsync(scenario.Tenant, "order.shipped", new { OrderId = 1 }, cancellationToken: Cancellation);

        Assert.Equal("proceeded", result.Status);
        var deliveryId = Assert.Single(result.DeliveryIds);
        var delivery = await scenario.Client.Deliveries.GetAsync(scenario.Tenant, deliveryId, Cancellation);
        for (var attempt = 0; delivery.Status == "pending" && attempt < 200; attempt++)
        {
            await Task.Delay(50, Cancellation);
            delivery = await scenario.Client.Deliveries.GetAsync(scenario.Tenant, deliveryId, Cancellation);
        }

        Assert.Equal(("delivered", "audit", result.EventId), (delivery.Status, delivery.Component, delivery.EventId));
        Assert.Contains(await scenario.Client.Deliveries.ListAsync(scenario.Tenant, "delivered", Cancellation), d => d.Id == deliveryId);
        var replay = await Assert.ThrowsAsync<StateConflictException>(() => scenario.Client.Deliveries.ReplayAsync(scenario.Tenant, deliveryId, Cancellation));
        Assert.Equal(409, replay.Status);
    }

    [Fact]
    public async Task ExtensionPoints_InvokeJsonAndTyped_GiveTheExtensionsOutput()
    {
        await using var scenario = await ClientScenario.WithEchoAsync(fixture);

        var json = await scenario.Client.ExtensionPoints.InvokeAsync(scenario.Tenant, "echo.closed", new JsonObject { ["n"] = 1 }, Cancellation);
        var typed = await scenario.Client.ExtensionPoints.InvokeAsync<Quote, Quote>(scenario.Tenant, "echo.closed", new Quote("a-1", 250), cancellationToken: Cancellation);

        Assert.Equal((1, false, "ok", "echo", 1), (json.Output!.Value.GetProperty("n").GetInt32(), json.UsedDefault, json.Outcome, json.Component, json.Version));
        Assert.Equal(new Quote("a-1", 250), typed.Value);
        Assert.Equal(250, typed.Output!.Value.GetProperty("unit-price-cents").GetInt32());
        Assert.Equal("echo.closed", Assert.Single(await scenario.Client.ExtensionPoints.ListBindingsAsync(scenario.Tenant, Cancellation)).Point);
    }

    [Fact]
    public async Task ExtensionPoints_FailOpenPointThatTimesOut_AnswersItsDefault()
    {
        await using var scenario = await ClientScenario.WithEchoAsync(fixture, "echo.open");

        var result = await scenario.Client.ExtensionPoints.InvokeAsync(scenario.Tenant, "echo.open", JsonValue.Create("loop"), Cancellation);

        Assert.Equal((true, "timeout"), (result.UsedDefault, result.Outcome));
        Assert.True(result.Output!.Value.GetProperty("fallback").GetBoolean());
    }

    [Fact]
    public async Task Exports_CallAsync_CallsAnyExportWithWitJsonArguments()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture);
        await scenario.DeployAsync("echo", PointEcho);

        var result = await scenario.Client.Exports.CallAsync(
            scenario.Tenant, "echo", "saas:extensibility/extension-point@1.0.0", "invoke", [JsonValue.Create("p"), JsonValue.Create("""{"a":1}""")], Cancellation);

        Assert.Equal(("ok", """{"a":1}"""), (result.Outcome, result.Output!.Value.GetProperty("ok").GetString()));
        Assert.Contains(result.Logs, l => l.Message == "point-echo: p");
    }

    [Fact]
    public async Task Subscriptions_SubscribeListUnsubscribe()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture);
        await scenario.DeployAsync("gate", VetoEcho);

        var subscribed = await scenario.Client.Subscriptions.SubscribeAsync(
            scenario.Tenant, "order.placed", "gate", SubscriptionMode.Sync, rank: 5, failClosed: true, Cancellation);
        var listed = await scenario.Client.Subscriptions.ListAsync(scenario.Tenant, Cancellation);
        await scenario.Client.Subscriptions.UnsubscribeAsync(scenario.Tenant, "order.placed", "gate", Cancellation);

        Assert.Equal((SubscriptionMode.Sync, 5, "fail-closed"), (subscribed.Mode, subscribed.Rank, subscribed.OnFailure));
        Assert.Equal(subscribed.Id, Assert.Single(listed).Id);
        Assert.Empty(await scenario.Client.Subscriptions.ListAsync(scenario.Tenant, Cancellation));
    }

    [Fact]
    public async Task Components_UploadTwice_TheSecondIsTheSameVersionNotANewOne()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture);
        var bytes = TestWasm.WatHandler();
        var progress = new List<long>();

        using var first = new MemoryStream(bytes);
        var created = await scenario.Client.Components.UploadAsync(scenario.Tenant, "hooks", first, new SyncProgress(progress.Add), Cancellation);
        using var second = new MemoryStream(bytes);
        var again = await scenario.Client.Components.UploadAsync(scenario.Tenant, "hooks", second, cancellationToken: Cancellation);

        Assert.Equal((true, false), (created.Created, again.Created));
        Assert.Equal(created.Version.Id, again.Version.Id);
        Assert.Equal(("pending", 1, bytes.Length), (created.Version.Status, created.Version.Version, (int)created.Version.SizeBytes));
        Assert.Equal(bytes.Length, progress[^1]);
        var component = Assert.Single(await scenario.Client.Components.ListAsync(scenario.Tenant, Cancellation));
        Assert.Equal(("hooks", null), (component.Name, component.ActiveVersion));
        Assert.Equal(created.Version.Id, Assert.Single(await scenario.Client.Components.ListVersionsAsync(scenario.Tenant, "hooks", Cancellation)).Id);
        Assert.Equal(created.Version.Sha256, (await scenario.Client.Components.GetVersionAsync(scenario.Tenant, "hooks", 1, Cancellation)).Sha256);
    }

    [Fact]
    public async Task Reviews_ApproveRejectRollback_MoveVersionsThroughTheirStates()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture);
        var v1 = await scenario.DeployAsync("hooks", TestWasm.WatHandler());
        var v2 = await scenario.DeployAsync("hooks", Guests.Tagged(TestWasm.WatHandler(), "v2"));
        using var third = new MemoryStream(Guests.Tagged(TestWasm.WatHandler(), "v3"));
        var v3 = (await scenario.Client.Components.UploadAsync(scenario.Tenant, "hooks", third, cancellationToken: Cancellation)).Version;

        Assert.Contains(await scenario.Admin.Reviews.QueueAsync(Cancellation), item => item.GetProperty("version").GetProperty("id").GetGuid() == v3.Id);
        var rejected = await scenario.Admin.Reviews.RejectAsync(v3.Id, "reads more than it needs", Cancellation);
        var rolledBack = await scenario.Admin.Reviews.RollbackAsync(v1.Id, "v2 broke checkout", Cancellation);

        Assert.Equal(("active", "active"), (v1.Status, v2.Status));
        Assert.Equal(("rejected", "reads more than it needs"), (rejected.Status, rejected.StatusReason));
        Assert.Equal("active", rolledBack.Status);
        Assert.Equal(1, Assert.Single(await scenario.Client.Components.ListAsync(scenario.Tenant, Cancellation)).ActiveVersion);
    }

    [Fact]
    public async Task Invocations_ListAndGet_HaveTheRecordedInputAndOutput()
    {
        await using var scenario = await ClientScenario.WithEchoAsync(fixture);
        var call = await scenario.Client.ExtensionPoints.InvokeAsync(scenario.Tenant, "echo.closed", new JsonObject { ["n"] = 2 }, Cancellation);

        var page = await scenario.Client.Invocations.ListAsync(scenario.Tenant, new InvocationFilter { Component = "echo", Outcome = "ok", Limit = 10 }, Cancellation);
        var invocation = await scenario.Client.Invocations.GetAsync(scenario.Tenant, call.InvocationId!.Value, Cancellation);

        Assert.Equal(call.InvocationId, Assert.Single(page.Items).Id);
        Assert.Null(page.NextOffset);
        Assert.Equal(("point:echo.closed", "ok", 1), (invocation.Target, invocation.Outcome, invocation.Version));
        Assert.Equal("""{"n":2}""", invocation.Input!.Value.GetProperty("args")[1].GetString());
        Assert.Equal("""{"n":2}""", invocation.Output!.Value.GetProperty("ok").GetString());
        Assert.Contains(invocation.Logs, l => l is { Source: "log", Level: "info", Message: "point-echo: echo.closed" });
    }

    /// <summary>Reports on the sending thread (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
