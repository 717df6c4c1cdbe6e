using System.Text.Json;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Core.Tests.Invocations;

[Collection(InvocationCollection.Name)]
public sealed class ExtensionRunnerTests(InvocationFixture fixture)
{
    private static readonly InvocationTarget Add = new(null, "add");

    private IExtensionRunner Runner => fixture.Host.Get<IExtensionRunner>();

    private static ExtensionRunRequest Request(string tenant, string component, InvocationTarget target, params ComponentValue[] arguments) => new()
    {
        TenantId = tenant,
        ComponentName = component,
        Target = target,
        Arguments = arguments,
    };

    private static ExtensionRunRequest AddRequest(string tenant) => Request(tenant, "adder", Add, ComponentValue.U32(40), ComponentValue.U32(2));

    private static ExtensionRunRequest LoopRequest(string tenant, TimeSpan timeout, bool wait = false) =>
        Request(tenant, "looper", new InvocationTarget(null, "run")) with
        {
            Limits = SandboxLimits.Default with { Timeout = timeout },
            WaitForSlot = wait,
        };

    [Fact]
    public async Task RunAsync_ActiveVersion_RunsItAndReturnsItsOutput()
    {
        var tenant = InvocationFixture.NewTenantId();
        var versionId = await fixture.Host.SeedAsync(tenant, "adder", fixture.Wat("add"));

        var result = await Runner.RunAsync(AddRequest(tenant), TestContext.Current.CancellationToken);

        Assert.True(result.Ran);
        Assert.Equal(InvocationOutcome.Ok, result.Invocation!.Outcome);
        Assert.Equal(42u, result.Invocation.Output!.AsU32());
        Assert.Equal(versionId, result.VersionId);
        Assert.Equal(1, result.VersionNumber);
        Assert.NotNull(result.InvocationId);
    }

    [Fact]
    public async Task RunAsync_UnknownTenant_IsNotFound()
    {
        var result = await Runner.RunAsync(AddRequest("no-such-tenant"), TestContext.Current.CancellationToken);

        Assert.Equal(ExtensionCallStatus.NotFound, result.Status);
        Assert.Null(result.Invocation);
        Assert.Contains("no-such-tenant", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownComponent_IsNotFound()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "adder", fixture.Wat("add"));

        var result = await Runner.RunAsync(AddRequest(tenant) with { ComponentName = "missing" }, TestContext.Current.CancellationToken);

        Assert.Equal(ExtensionCallStatus.NotFound, result.Status);
        Assert.Contains("missing", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OnlyAPendingVersion_IsNoActiveVersion()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "adder", fixture.Wat("add"), VersionStatus.Pending);

        var result = await Runner.RunAsync(AddRequest(tenant), TestContext.Current.CancellationToken);

        Assert.Equal(ExtensionCallStatus.NoActiveVersion, result.Status);
    }

    [Fact]
    public async Task RunAsync_TenantKillSwitchOn_IsTenantDisabledUntilSwitchedOff()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "adder", fixture.Wat("add"));
        await SetTenantDisabledAsync(tenant, true);

        var disabled = await Runner.RunAsync(AddRequest(tenant), TestContext.Current.CancellationToken);
        await SetTenantDisabledAsync(tenant, false);
        var enabled = await Runner.RunAsync(AddRequest(tenant), TestContext.Current.CancellationToken);

        Assert.Equal(ExtensionCallStatus.TenantDisabled, disabled.Status);
        Assert.True(enabled.Ran);
    }

    [Fact]
    public async Task RunAsync_ComponentKillSwitchOn_IsComponentDisabled()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "adder", fixture.Wat("add"));
        await fixture.Host.WithScopeAsync(async services =>
            Assert.True(await services.GetRequiredService<ExtensionProtection>().SetComponentDisabledAsync(tenant, "adder", true)));

        var result = await Runner.RunAsync(AddRequest(tenant), TestContext.Current.CancellationToken);

        Assert.Equal(ExtensionCallStatus.ComponentDisabled, result.Status);
    }

    [Fact]
    public async Task SetComponentDisabledAsync_UnknownComponent_ReturnsFalse()
    {
        var found = true;
        await fixture.Host.WithScopeAsync(async services =>
            found = await services.GetRequiredService<ExtensionProtection>().SetComponentDisabledAsync("no-such-tenant", "adder", true));

        Assert.False(found);
    }

    [Fact]
    public async Task RunAsync_Ran_IsRecordedWithLogsLabelEventAndLimits()
    {
        var tenant = InvocationFixture.NewTenantId();
        var versionId = await fixture.Host.SeedAsync(tenant, "handler", fixture.Wat("event-handler"));
        var request = Request(tenant, "handler", new InvocationTarget("saas:extensibility/event-handler@1.0.0", "handle"), Runtime.Events.Sample()) with
        {
            Label = "event:order.placed",
            EventId = "evt-1",
            Limits = SandboxLimits.Default with { MemoryBytes = 32L * 1024 * 1024 },
        };

        var result = await Runner.RunAsync(request, TestContext.Current.CancellationToken);

        var record = await fixture.Host.WithDbAsync(db => db.Invocations.SingleAsync(i => i.Id == result.InvocationId));
        Assert.Equal(tenant, record.TenantId);
        Assert.Equal("handler", record.ComponentName);
        Assert.Equal(versionId, record.VersionId);
        Assert.Equal(1, record.VersionNumber);
        Assert.Equal("event:order.placed", record.Target);
        Assert.Equal("evt-1", record.EventId);
        Assert.Equal("ok", record.Outcome);
        Assert.Null(record.Trap);
        Assert.Null(record.Error);
        Assert.Equal(32L * 1024 * 1024, record.MemoryLimitBytes);
        Assert.True(record.DurationMs > 0);
        var line = Assert.Single(JsonDocument.Parse(record.LogsJson).RootElement.EnumerateArray());
        Assert.Equal("info", line.GetProperty("level").GetString());
        Assert.Equal("wat handler: event received", line.GetProperty("message").GetString());
        Assert.True(line.GetProperty("elapsedMs").GetDouble() >= 0);
    }

    [Fact]
    public async Task RunAsync_Trap_IsRecordedWithOutcomeAndTrapWireNames()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "crasher", fixture.Wat("unreachable"));

        var result = await Runner.RunAsync(Request(tenant, "crasher", new InvocationTarget(null, "run")), TestContext.Current.CancellationToken);

        var record = await fixture.Host.WithDbAsync(db => db.Invocations.SingleAsync(i => i.Id == result.InvocationId));
        Assert.Equal(InvocationOutcome.Trap, result.Invocation!.Outcome);
        Assert.Equal("trap", record.Outcome);
        Assert.Equal("unreachable", record.Trap);
        Assert.False(string.IsNullOrEmpty(record.Error));
        Assert.Equal("run", record.Target);
    }

    [Fact]
    public async Task RunAsync_TenantAtItsLimitAndNotWaiting_IsConcurrencyLimited()
    {
        var tenant = InvocationFixture.NarrowTenants[0];
        await fixture.Host.SeedAsync(tenant, "looper", fixture.Wat("loop"));
        await fixture.Host.SeedAsync(tenant, "adder", fixture.Wat("add"));
        var slow = Runner.RunAsync(LoopRequest(tenant, TimeSpan.FromSeconds(2), wait: true), TestContext.Current.CancellationToken);

        var limited = await UntilLimitedAsync(tenant, slow);

        Assert.Equal(ExtensionCallStatus.ConcurrencyLimited, limited.Status);
        Assert.Null(limited.Invocation);
        Assert.Equal(InvocationOutcome.Timeout, (await slow).Invocation!.Outcome);
    }

    [Fact]
    public async Task RunAsync_TenantAtItsLimitAndWaiting_RunsOnceTheSlotIsFree()
    {
        var tenant = InvocationFixture.NarrowTenants[1];
        await fixture.Host.SeedAsync(tenant, "looper", fixture.Wat("loop"));
        await fixture.Host.SeedAsync(tenant, "adder", fixture.Wat("add"));
        var first = Runner.RunAsync(LoopRequest(tenant, TimeSpan.FromMilliseconds(300), wait: true), TestContext.Current.CancellationToken);
        var second = Runner.RunAsync(LoopRequest(tenant, TimeSpan.FromMilliseconds(300), wait: true), TestContext.Current.CancellationToken);

        var results = await Task.WhenAll(first, second);

        Assert.All(results, result => Assert.Equal(InvocationOutcome.Timeout, result.Invocation!.Outcome));
        var records = await fixture.Host.WithDbAsync(db => db.Invocations
            .Where(i => i.TenantId == tenant && i.ComponentName == "looper").OrderBy(i => i.StartedAt).ToListAsync());
        Assert.Equal(2, records.Count);
        // One slot: the second call started only after the first had run to its deadline.
        Assert.True(records[1].StartedAt >= records[0].StartedAt.AddMilliseconds(records[0].DurationMs - 5));
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaitingForASlot_Throws()
    {
        var tenant = InvocationFixture.NarrowTenants[2];
        await fixture.Host.SeedAsync(tenant, "looper", fixture.Wat("loop"));
        await fixture.Host.SeedAsync(tenant, "adder", fixture.Wat("add"));
        // The slot is held for 4 s: on a loaded machine, seeing it taken can take a while, and the
        // waiting call must still be waiting when its token is cancelled 200 ms later.
        var slow = Runner.RunAsync(LoopRequest(tenant, TimeSpan.FromSeconds(4), wait: true), TestContext.Current.CancellationToken);
        await UntilLimitedAsync(tenant, slow);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Runner.RunAsync(AddRequest(tenant) with { WaitForSlot = true }, cancellation.Token));
        await slow;
    }

    private Task SetTenantDisabledAsync(string tenant, bool disabled) =>
        fixture.Host.WithScopeAsync(async services =>
            Assert.True(await services.GetRequiredService<ExtensionProtection>().SetTenantDisabledAsync(tenant, disabled)));

    /// <summary>Calls <c>add</c> without waiting until the tenant's one slot is seen taken by <paramref name="holder"/>.</summary>
    private async Task<ExtensionCallResult> UntilLimitedAsync(string tenant, Task holder)
    {
        while (!holder.IsCompleted)
        {
            var quick = await Runner.RunAsync(AddRequest(tenant), TestContext.Current.CancellationToken);
            if (quick.Status == ExtensionCallStatus.ConcurrencyLimited)
            {
                return quick;
            }
        }

        throw new InvalidOperationException("the slow call ended before its slot was seen taken");
    }
}
