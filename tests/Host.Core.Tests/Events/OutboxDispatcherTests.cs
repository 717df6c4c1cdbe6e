using System.Diagnostics;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Invocations.Running;
using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>The outbox dispatcher with real guests and the real runner on a real SQLite file; time moves by hand.</summary>
[Collection(EventsCollection.Name)]
public sealed class OutboxDispatcherTests(EventsFixture fixture) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private static readonly TimeSpan BackoffMax = TimeSpan.FromSeconds(10);
    private readonly List<EmbeddedHost> _hosts = [];

    private async Task<EmbeddedHost> StartAsync(
        Dictionary<string, string?>? settings = null, EmbeddedHost? sharing = null, Action<IServiceCollection>? configure = null)
    {
        var host = await fixture.StartHostAsync(settings, sharing?.DataDirectory, sharing?.Clock, configure);
        _hosts.Add(host);
        return host;
    }

    private static Task<int> PassAsync(EmbeddedHost host) => host.Get<OutboxDispatcher>().DeliverDueAsync(TestContext.Current.CancellationToken);

    [Fact]
    public async Task Deliver_HandlerTrapsTwiceThenSucceeds_IsDeliveredOnceAfterThreeAttempts()
    {
        var host = await StartAsync(new() { ["ExtensibilityHost:Events:MaxAttempts"] = "5" });
        await host.SeedAsync(Tenant, "flaky", fixture.Guest("flaky-event-handler"));
        await host.SubscribeAsync(Tenant, "order.placed", "flaky", SubscriptionMode.Async);
        var published = await host.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), TestContext.Current.CancellationToken);

        Assert.Equal(1, await PassAsync(host));
        Assert.Equal(0, await PassAsync(host));
        host.Clock.Advance(BackoffMax);
        Assert.Equal(1, await PassAsync(host));
        host.Clock.Advance(BackoffMax);
        Assert.Equal(1, await PassAsync(host));
        host.Clock.Advance(BackoffMax);
        Assert.Equal(0, await PassAsync(host));

        var delivery = Assert.Single(await host.DeliveriesAsync(Tenant));
        Assert.Equal(DeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(3, delivery.Attempts);
        Assert.Null(delivery.LastError);
        Assert.Null(delivery.LeaseOwner);
        var invocations = await host.InvocationsAsync(Tenant);
        Assert.Equal(["trap", "trap", "ok"], invocations.Select(i => i.Outcome));
        Assert.All(invocations, i => Assert.Equal(published.EventId, i.EventId));
    }

    /// <summary>
    /// The outbox keeps an event's correlation id and depth: a 1.1 handler delivered asynchronously
    /// gets them in its metadata (metadata-event-handler-1.1 vetoes with the correlation id at depth
    /// 0 and fails with it deeper), like a sync one.
    /// </summary>
    [Fact]
    public async Task Deliver_EventsWithACorrelationId_The11HandlerGetsItAndTheDepthFromTheOutbox()
    {
        var host = await StartAsync(new() { ["ExtensibilityHost:Events:MaxAttempts"] = "1" });
        await host.SeedAsync(Tenant, "metadata-1-1", fixture.Guest("metadata-event-handler-1.1"));
        await host.SubscribeAsync(Tenant, "order.versions", "metadata-1-1", SubscriptionMode.Async);
        var cancellation = TestContext.Current.CancellationToken;
        var root = new DomainEvent(Tenant, "order.placed", "{}") { CorrelationId = "checkout-42" };
        var followUp = await host.PublishAsync(root.FollowUp("order.versions", "{}"), cancellation);
        var own = await host.PublishAsync(new DomainEvent(Tenant, "order.versions", "{}") { CorrelationId = "checkout-43" }, cancellation);

        Assert.Equal(2, await PassAsync(host));

        var deliveries = await host.DeliveriesAsync(Tenant);
        var deep = Assert.Single(deliveries, d => d.EventId == followUp.EventId);
        Assert.Equal((DeliveryStatus.DeadLettered, 1, "checkout-42"), (deep.Status, deep.Depth, deep.CorrelationId));
        Assert.Contains("deep: checkout-42", deep.LastError, StringComparison.Ordinal);
        var shallow = Assert.Single(deliveries, d => d.EventId == own.EventId);
        Assert.Equal((DeliveryStatus.Delivered, 0, "checkout-43"), (shallow.Status, shallow.Depth, shallow.CorrelationId));
        var invocation = Assert.Single(await host.InvocationsAsync(Tenant), i => i.EventId == own.EventId);
        Assert.Contains("\"checkout-43\"", invocation.OutputJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deliver_FailedAttempt_WaitsForItsBackoffWithTheErrorRecorded()
    {
        var host = await StartAsync();
        await host.SeedAsync(Tenant, "flaky", fixture.Guest("flaky-event-handler"));
        await host.SubscribeAsync(Tenant, "order.placed", "flaky", SubscriptionMode.Async);
        await host.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), TestContext.Current.CancellationToken);
        var now = host.Clock.GetUtcNow().UtcDateTime;

        await PassAsync(host);

        var delivery = Assert.Single(await host.DeliveriesAsync(Tenant));
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.StartsWith("trap: ", delivery.LastError, StringComparison.Ordinal);
        // The first retry waits between half and all of BackoffBase (1 s here).
        Assert.InRange(delivery.NextAttemptAt, now.AddSeconds(0.5), now.AddSeconds(1));
        Assert.Null(delivery.LeaseOwner);
    }

    [Fact]
    public async Task Deliver_HandlerAlwaysFails_IsDeadLetteredAfterMaxAttemptsAndDeliveredWhenReplayedAfterAFix()
    {
        var host = await StartAsync(new() { ["ExtensibilityHost:Events:MaxAttempts"] = "3" });
        await host.SeedAsync(Tenant, "rust", fixture.Guest("rust-event-handler.wasm"));
        await host.SubscribeAsync(Tenant, "order.placed", "rust", SubscriptionMode.Async);
        await host.PublishAsync(new DomainEvent(Tenant, "order.placed", """{"fail":true}"""), TestContext.Current.CancellationToken);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(1, await PassAsync(host));
            host.Clock.Advance(BackoffMax);
        }

        Assert.Equal(0, await PassAsync(host));
        var deadLetter = Assert.Single(await host.DeliveriesAsync(Tenant));
        Assert.Equal(DeliveryStatus.DeadLettered, deadLetter.Status);
        Assert.Equal(3, deadLetter.Attempts);
        Assert.Contains("rust-fail: rust handler failed on order.placed", deadLetter.LastError, StringComparison.Ordinal);
        Assert.NotNull(deadLetter.CompletedAt);

        await host.SeedAsync(Tenant, "rust", fixture.Guest("event-handler"));
        DeliveryReplayStatus replay;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            replay = await scope.ServiceProvider.GetRequiredService<DeliveryService>().ReplayAsync(Tenant, deadLetter.Id, TestContext.Current.CancellationToken);
        }

        Assert.Equal(DeliveryReplayStatus.Replayed, replay);
        Assert.Equal(1, await PassAsync(host));
        var delivered = Assert.Single(await host.DeliveriesAsync(Tenant));
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        Assert.Equal(1, delivered.Attempts);
        Assert.Equal(1, delivered.Replays);
        Assert.Equal(4, (await host.InvocationsAsync(Tenant)).Count);
    }

    [Theory]
    [InlineData("component")]
    [InlineData("tenant")]
    public async Task Deliver_ComponentCannotRun_WaitsWithoutCountingAttemptsAndIsDeliveredOnceItCanRunAgain(string killSwitch)
    {
        var host = await StartAsync(new() { ["ExtensibilityHost:Events:MaxAttempts"] = "2" });
        await host.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Async);
        await SetKillSwitchAsync(host, killSwitch, on: true);
        var published = await host.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), TestContext.Current.CancellationToken);

        for (var round = 0; round < 5; round++)
        {
            Assert.Equal(1, await PassAsync(host));
            Assert.Equal(0, await PassAsync(host));
            host.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        var parked = Assert.Single(await host.DeliveriesAsync(Tenant));
        Assert.Equal((DeliveryStatus.Pending, 0), (parked.Status, parked.Attempts));
        Assert.StartsWith("not run (", parked.LastError, StringComparison.Ordinal);
        Assert.Null(parked.LeaseOwner);
        Assert.Empty(await host.InvocationsAsync(Tenant));

        await SetKillSwitchAsync(host, killSwitch, on: false);
        Assert.Equal(1, await PassAsync(host));

        var delivered = Assert.Single(await host.DeliveriesAsync(Tenant));
        Assert.Equal((DeliveryStatus.Delivered, 1), (delivered.Status, delivered.Attempts));
        var invocation = Assert.Single(await host.InvocationsAsync(Tenant));
        Assert.Equal(published.EventId, invocation.EventId);
    }

    [Fact]
    public async Task Deliver_ComponentSuspended_WaitsWithoutCountingAttemptsUntilAVersionIsActiveAgain()
    {
        var host = await StartAsync(new() { ["ExtensibilityHost:Events:MaxAttempts"] = "2" });
        await host.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Async);
        await host.WithDbAsync(db => db.Versions.Where(v => v.TenantId == Tenant)
            .ExecuteUpdateAsync(set => set.SetProperty(v => v.Status, VersionStatus.Suspended).SetProperty(v => v.StatusReason, "tests"), TestContext.Current.CancellationToken));
        await host.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), TestContext.Current.CancellationToken);

        for (var round = 0; round < 5; round++)
        {
            Assert.Equal(1, await PassAsync(host));
            host.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        var parked = Assert.Single(await host.DeliveriesAsync(Tenant));
        Assert.Equal((DeliveryStatus.Pending, 0), (parked.Status, parked.Attempts));
        Assert.StartsWith("not run (NoActiveVersion)", parked.LastError, StringComparison.Ordinal);

        var versionId = await host.WithDbAsync(db => db.Versions.Where(v => v.TenantId == Tenant).Select(v => v.Id).SingleAsync(TestContext.Current.CancellationToken));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            Assert.Equal(
                VersionReenableStatus.Reenabled,
                await scope.ServiceProvider.GetRequiredService<ExtensionProtection>().ReenableAsync(versionId, "admin", "fixed", TestContext.Current.CancellationToken));
        }

        Assert.Equal(1, await PassAsync(host));

        var delivered = Assert.Single(await host.DeliveriesAsync(Tenant));
        Assert.Equal((DeliveryStatus.Delivered, 1), (delivered.Status, delivered.Attempts));
        Assert.Single(await host.InvocationsAsync(Tenant));
    }

    private static async Task SetKillSwitchAsync(EmbeddedHost host, string killSwitch, bool on)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var protection = scope.ServiceProvider.GetRequiredService<ExtensionProtection>();
        var found = killSwitch == "tenant"
            ? await protection.SetTenantDisabledAsync(Tenant, on, TestContext.Current.CancellationToken)
            : await protection.SetComponentDisabledAsync(Tenant, "handler", on, TestContext.Current.CancellationToken);
        Assert.True(found);
    }

    [Fact]
    public async Task Dispatcher_KilledMidDelivery_AnotherDispatcherDeliversTheEventOnceTheLeaseRunsOut()
    {
        var survivor = await StartAsync();
        await survivor.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await survivor.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Async);
        var published = await survivor.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), TestContext.Current.CancellationToken);
        var hanging = new HangingRunner();
        var doomed = await StartAsync(
            new() { ["ExtensibilityHost:Events:RunDispatcher"] = "true" },
            sharing: survivor,
            configure: services => services.AddSingleton<IExtensionRunner>(hanging));
        await hanging.Entered.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var doomedId = doomed.Get<OutboxDispatcher>().Id;

        await doomed.DisposeAsync();

        var leased = Assert.Single(await survivor.DeliveriesAsync(Tenant));
        Assert.Equal(DeliveryStatus.Pending, leased.Status);
        Assert.StartsWith(doomedId, leased.LeaseOwner, StringComparison.Ordinal);
        Assert.Equal(0, await PassAsync(survivor));
        survivor.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await PassAsync(survivor));
        var delivered = Assert.Single(await survivor.DeliveriesAsync(Tenant));
        Assert.Equal(DeliveryStatus.Delivered, delivered.Status);
        Assert.Equal(2, delivered.Attempts);
        var invocation = Assert.Single(await survivor.InvocationsAsync(Tenant));
        Assert.Equal(published.EventId, invocation.EventId);
    }

    [Fact]
    public async Task Dispatchers_TwoAgainstOneDatabase_DeliverEveryEventExactlyOnce()
    {
        Dictionary<string, string?> settings = new()
        {
            ["ExtensibilityHost:Events:BatchSize"] = "4",
            ["ExtensibilityHost:Events:MaxConcurrentDeliveries"] = "2",
        };
        var first = await StartAsync(settings);
        var second = await StartAsync(settings, sharing: first);
        await first.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await first.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Async);
        const int events = 24;
        for (var i = 0; i < events; i++)
        {
            await first.PublishAsync(new DomainEvent(Tenant, "order.placed", $$"""{"n":{{i}}}"""), TestContext.Current.CancellationToken);
        }

        var claims = new int[2];
        for (var round = 0; round < 100 && claims.Sum() < events; round++)
        {
            var passes = await Task.WhenAll(PassAsync(first), PassAsync(second));
            claims[0] += passes[0];
            claims[1] += passes[1];
        }

        TestContext.Current.SendDiagnosticMessage($"claims: first {claims[0]}, second {claims[1]}");
        Assert.Equal(events, claims.Sum());
        var deliveries = await first.DeliveriesAsync(Tenant);
        Assert.Equal(events, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));

        var invocations = await first.InvocationsAsync(Tenant);
        Assert.Equal(events, invocations.Count);
        Assert.Equal(events, invocations.Select(i => i.EventId).Distinct().Count());
    }

    [Fact]
    public async Task Dispatchers_BatchOutlivesItsLease_AnotherDispatcherTakesTheWaitingRowsAndEachEventRunsOnce()
    {
        // One at a time, 40 s each, against a 60 s lease: the batch's third and fourth rows wait past it.
        Dictionary<string, string?> settings = new()
        {
            ["ExtensibilityHost:Events:BatchSize"] = "4",
            ["ExtensibilityHost:Events:MaxConcurrentDeliveries"] = "1",
            ["ExtensibilityHost:Events:LeaseDuration"] = "00:01:00",
        };
        var first = await StartAsync(settings, configure: services => services.AddSingleton<IExtensionRunner>(sp =>
            new SlowRunner(sp.GetRequiredService<ExtensionRunner>(), (ManualTimeProvider)sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(40))));
        var second = await StartAsync(settings, sharing: first);
        await first.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await first.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Async);
        const int events = 4;
        for (var i = 0; i < events; i++)
        {
            await first.PublishAsync(new DomainEvent(Tenant, "order.placed", $$"""{"n":{{i}}}"""), TestContext.Current.CancellationToken);
        }

        var slow = (SlowRunner)first.Services.GetRequiredService<IExtensionRunner>();
        var secondClaimed = 0;
        slow.AfterCall = async call =>
        {
            if (call == 2)
            {
                secondClaimed = await PassAsync(second);
            }
        };

        Assert.Equal(events, await PassAsync(first));

        var invocations = await first.InvocationsAsync(Tenant);
        Assert.Equal(events, invocations.Count);
        Assert.Equal(events, invocations.Select(i => i.EventId).Distinct().Count());
        var deliveries = await first.DeliveriesAsync(Tenant);
        Assert.All(deliveries, d => Assert.Equal((DeliveryStatus.Delivered, 1), (d.Status, d.Attempts)));
        Assert.Equal(2, secondClaimed);
    }

    [Fact]
    public async Task Deliver_OutcomeOfOneDeliveryCannotBeWritten_TheRestOfTheBatchIsStillDelivered()
    {
        var host = await StartAsync(new() { ["ExtensibilityHost:Events:MaxConcurrentDeliveries"] = "1" });
        await host.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Async);
        await host.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            """CREATE TRIGGER poison BEFORE UPDATE OF Status ON Outbox WHEN instr(NEW.Payload, 'poison') > 0 BEGIN SELECT RAISE(ABORT, 'poisoned'); END;""",
            TestContext.Current.CancellationToken));
        await host.PublishAsync(new DomainEvent(Tenant, "order.placed", """{"poison":true}"""), TestContext.Current.CancellationToken);
        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await host.PublishAsync(new DomainEvent(Tenant, "order.placed", $$"""{"n":{{i}}}"""), TestContext.Current.CancellationToken);
        }

        Assert.Equal(4, await PassAsync(host));

        var deliveries = await host.DeliveriesAsync(Tenant);
        Assert.Equal(3, deliveries.Count(d => d.Status == DeliveryStatus.Delivered));
        var poisoned = Assert.Single(deliveries, d => d.Status == DeliveryStatus.Pending);
        Assert.Equal("""{"poison":true}""", poisoned.Payload);
        Assert.NotNull(poisoned.LeaseOwner);
    }

    [Fact]
    public async Task Dispatcher_RunningAsAHostedService_DeliversWithoutBeingDriven()
    {
        var host = await StartAsync(new() { ["ExtensibilityHost:Events:RunDispatcher"] = "true" });
        await host.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Async);

        var published = await host.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), TestContext.Current.CancellationToken);

        var delivery = await FirstOutcomeAsync(host);
        Assert.Equal((DeliveryStatus.Delivered, 1), (delivery.Status, delivery.Attempts));
        Assert.Null(delivery.LastError);
        Assert.Null(delivery.LeaseOwner);
        Assert.Equal(host.Clock.GetUtcNow().UtcDateTime, delivery.CompletedAt);
        var invocation = Assert.Single(await host.InvocationsAsync(Tenant));
        Assert.Equal((published.EventId, "ok"), (invocation.EventId, invocation.Outcome));
    }

    /// <summary>
    /// The tenant's only delivery once the hosted dispatcher has recorded the outcome of an attempt
    /// (delivered, dead-lettered, or pending with the error of a failed or parked attempt), or as it
    /// is after 30 s without one: the caller asserts what it became.
    /// </summary>
    private static async Task<OutboxDelivery> FirstOutcomeAsync(EmbeddedHost host)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var delivery = Assert.Single(await host.DeliveriesAsync(Tenant));
            if (delivery.Status != DeliveryStatus.Pending || delivery.LastError is not null || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                return delivery;
            }

            // The dispatcher polls every 20 ms (EventsFixture's PollInterval): look again as often.
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        // Sharers first, the directory's owner last.
        for (var i = _hosts.Count - 1; i >= 0; i--)
        {
            await _hosts[i].DisposeAsync();
        }
    }
}
