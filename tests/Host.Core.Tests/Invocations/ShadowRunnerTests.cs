using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Reviews;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Core.Tests.Invocations;

/// <summary>Shadow runs at review: recorded inputs of the active version replayed against a candidate, without side effects.</summary>
[Collection(InvocationCollection.Name)]
public sealed class ShadowRunnerTests(InvocationFixture fixture)
{
    private static readonly InvocationTarget Handle = new(HostInterfaces.EventHandler, "handle");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>The active version handles events with these payloads through the runner, which records their inputs.</summary>
    private async Task HandleAsync(string tenant, string component, params string[] payloads)
    {
        var runner = fixture.Host.Get<IExtensionRunner>();
        foreach (var (payload, i) in payloads.Select((p, i) => (p, i)))
        {
            var result = await runner.RunAsync(new ExtensionRunRequest
            {
                TenantId = tenant,
                ComponentName = component,
                Target = Handle,
                Arguments = EventHandlerCall.Arguments(EventHandlerCall.Event($"evt-{i}", "order.placed", tenant, DateTimeOffset.UtcNow, payload)),
                Label = "event:order.placed",
            }, Cancellation);
            Assert.True(result.Ran);
        }
    }

    private Task<ShadowRun?> ShadowAsync(Guid versionId, int count = 10) =>
        RunInScopeAsync(sp => sp.GetRequiredService<ShadowRunner>().RunAsync(versionId, count, Cancellation));

    private async Task<T> RunInScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = fixture.Host.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task RunAsync_CandidateThatVetoesEverything_DiffersOnEveryInputNewestFirst()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("event-handler"));
        await HandleAsync(tenant, "hooks", """{"n":1}""", """{"n":2}""");
        var candidate = await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("veto-echo-event-handler"), VersionStatus.Pending);

        var run = (await ShadowAsync(candidate))!;

        Assert.Equal((1, 2, 2), (run.ComparedWith!.Value, run.Inputs.Count, run.Differing));
        Assert.All(run.Inputs, input => Assert.Equal(("ok", "ok"), (input.Active.Outcome, input.Candidate.Outcome)));
        Assert.Equal("""{"ok":{"tag":"proceed"}}""", run.Inputs[0].Active.OutputText);
        Assert.Equal("""{"ok":{"tag":"veto","value":"{\u0022n\u0022:2}"}}""", run.Inputs[0].Candidate.OutputText);
        Assert.Equal("event:order.placed", run.Inputs[0].Label);
        Assert.Contains(run.Inputs[0].Active.Logs, l => l.Message == "wat handler: event received");
    }

    [Fact]
    public async Task RunAsync_SameComponentAsCandidate_DiffersNowhere()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("event-handler"));
        await HandleAsync(tenant, "hooks", "{}");
        var candidate = await fixture.Host.SeedAsync(tenant, "hooks", Guests.Tagged(fixture.Wat("event-handler"), "v2"), VersionStatus.Pending);

        var run = (await ShadowAsync(candidate))!;

        Assert.Equal((1, 0, 0), (run.Inputs.Count, run.Differing, run.CandidateFailures));
    }

    [Fact]
    public async Task RunAsync_CandidateWritingKeyValueAndTrapping_ChangesNothingAndRecordsNothing()
    {
        // flaky-event-handler stores an attempt count per event id, then traps on the first two attempts.
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("event-handler"));
        await HandleAsync(tenant, "hooks", "{}", "{}", "{}");
        var candidate = await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("flaky-event-handler"), VersionStatus.Pending);
        var recordsBefore = await fixture.Host.WithDbAsync(db => db.Invocations.CountAsync(r => r.TenantId == tenant));

        var first = (await ShadowAsync(candidate))!;
        var second = (await ShadowAsync(candidate))!;

        // The candidate's writes were thrown away: every run is its "first attempt" again.
        Assert.All(first.Inputs.Concat(second.Inputs), input => Assert.Equal(("ok", "trap"), (input.Active.Outcome, input.Candidate.Outcome)));
        Assert.Equal(3, first.CandidateFailures);
        Assert.Null(fixture.Host.Get<IKeyValueStore>().Get(new KeyValueScope(tenant, "hooks"), "evt-0"));
        Assert.Equal(recordsBefore, await fixture.Host.WithDbAsync(db => db.Invocations.CountAsync(r => r.TenantId == tenant)));
        Assert.Equal((VersionStatus.Pending, 0), await fixture.Host.WithDbAsync(async db =>
            await db.Versions.Where(v => v.Id == candidate).Select(v => ValueTuple.Create(v.Status, v.ConsecutiveFailures)).SingleAsync()));
    }

    [Fact]
    public async Task RunAsync_CountCapsTheInputs()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("event-handler"));
        await HandleAsync(tenant, "hooks", "{}", "{}", "{}");
        var candidate = await fixture.Host.SeedAsync(tenant, "hooks", Guests.Tagged(fixture.Wat("event-handler"), "v2"), VersionStatus.Pending);

        Assert.Equal(2, (await ShadowAsync(candidate, count: 2))!.Inputs.Count);
    }

    [Fact]
    public async Task RunAsync_NoActiveVersionOrNoInputs_SaysWhyAndRunsNothing()
    {
        var tenant = InvocationFixture.NewTenantId();
        var first = await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("event-handler"), VersionStatus.Pending);
        var lonely = (await ShadowAsync(first))!;
        var active = await fixture.Host.SeedAsync(tenant, "other", fixture.Wat("event-handler"));
        var candidate = await fixture.Host.SeedAsync(tenant, "other", Guests.Tagged(fixture.Wat("event-handler"), "v2"), VersionStatus.Pending);
        var unrecorded = (await ShadowAsync(candidate))!;

        Assert.Empty(lonely.Inputs);
        Assert.Contains("no active version", lonely.Note, StringComparison.Ordinal);
        Assert.Empty(unrecorded.Inputs);
        Assert.Contains("no recorded inputs", unrecorded.Note, StringComparison.Ordinal);
        Assert.Contains("active version", (await ShadowAsync(active))!.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CandidateWithoutTheExport_IsNotRunForThatInput()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("event-handler"));
        await HandleAsync(tenant, "hooks", "{}");
        var candidate = await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("add"), VersionStatus.Pending);

        var input = Assert.Single((await ShadowAsync(candidate))!.Inputs);

        Assert.Equal(ShadowCall.NotRun, input.Candidate.Outcome);
        Assert.Contains("has no export 'saas:extensibility/event-handler@1.0.0#handle'", input.Candidate.Error, StringComparison.Ordinal);
        Assert.True(input.Differs);
    }

    [Fact]
    public async Task RunAsync_11CandidateOfA10Handler_RunsOnTheRecordedEventsWithTheMetadataTheHostGives()
    {
        // A 1.0 handler's calls are recorded with the 1.0 event (no metadata); the 1.1 candidate
        // (metadata-event-handler-1.1.wat vetoes with the correlation id it is given) must still run
        // on them, as the upgrade a reviewer most needs a shadow run for.
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("event-handler"));
        await HandleAsync(tenant, "hooks", """{"n":1}""");
        var candidate = await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("metadata-event-handler-1.1"), VersionStatus.Pending);

        var input = Assert.Single((await ShadowAsync(candidate))!.Inputs);

        Assert.Equal(("ok", "ok"), (input.Active.Outcome, input.Candidate.Outcome));
        Assert.Equal("""{"ok":{"tag":"veto","value":"evt-0"}}""", input.Candidate.OutputText);
        Assert.True(input.Differs);
    }

    [Fact]
    public async Task RunAsync_10CandidateOfA11Handler_RunsOnTheRecordedEventsWithoutTheMetadata()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("metadata-event-handler-1.1"));
        await HandleAsync(tenant, "hooks", """{"n":1}""");
        var candidate = await fixture.Host.SeedAsync(tenant, "hooks", fixture.Wat("veto-echo-event-handler"), VersionStatus.Pending);

        var input = Assert.Single((await ShadowAsync(candidate))!.Inputs);

        Assert.Equal(("ok", "ok"), (input.Active.Outcome, input.Candidate.Outcome));
        Assert.Equal("""{"ok":{"tag":"veto","value":"evt-0"}}""", input.Active.OutputText);
        Assert.Equal("""{"ok":{"tag":"veto","value":"{\u0022n\u0022:1}"}}""", input.Candidate.OutputText);
    }

    [Fact]
    public async Task RunAsync_UnknownVersion_IsNull()
    {
        Assert.Null(await ShadowAsync(Guid.NewGuid()));
    }
}
