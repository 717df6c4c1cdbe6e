using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>Deadlines are wall-clock time, even when the epoch ticker falls behind.</summary>
public sealed class EpochTests
{
    [Fact]
    public async Task Invoke_AfterTheTickerFellBehind_StillGetsItsWholeTimeout()
    {
        using var engine = new SandboxEngine(RuntimeFixture.TestOptions(), HostCapabilities.Standard(new InMemoryKeyValueStore(new()), new InMemoryConfigSource()));
        var loop = engine.CompileText(Guests.Wat("loop"));

        // No ticker for 300 ms: the epoch is 300 ticks behind the wall clock, as after a stalled
        // ticker. The call starts, then the ticker wakes and catches up.
        await Task.Delay(300, TestContext.Current.CancellationToken);
        var call = Task.Run(() => new ComponentSandbox(engine).Invoke(
            loop, new InvocationTarget(null, "run"), [], InvocationContext.Local("loop"), SandboxLimits.Default with { Timeout = TimeSpan.FromMilliseconds(100) }));
        await Task.Delay(20, TestContext.Current.CancellationToken);
        using var ticker = new EpochTicker(engine);
        await ticker.StartAsync(TestContext.Current.CancellationToken);
        var result = await call;

        Assert.Equal(InvocationOutcome.Timeout, result.Outcome);
        Assert.InRange(result.Duration.TotalMilliseconds, 98, 2_000);
    }
}
