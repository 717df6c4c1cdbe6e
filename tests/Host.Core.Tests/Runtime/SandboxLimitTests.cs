namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>Each limit and trap class, proven with a real guest in a real engine.</summary>
[Collection(RuntimeCollection.Name)]
public sealed class SandboxLimitTests(RuntimeFixture runtime)
{
    private static readonly InvocationContext Context = InvocationContext.Local("limits");

    private InvocationResult Run(string guest, string export, SandboxLimits? limits = null, params ComponentValue[] arguments) =>
        runtime.Sandbox.Invoke(runtime.Wat(guest), InvocationTarget.Parse(export), arguments, Context, limits);

    [Fact]
    public void Invoke_EndlessLoop_IsStoppedWithinTwiceTheDeadline()
    {
        var deadline = TimeSpan.FromMilliseconds(250);

        var result = Run("loop", "run", SandboxLimits.Default with { Timeout = deadline });

        Assert.Equal(InvocationOutcome.Timeout, result.Outcome);
        Assert.True(result.Duration >= deadline * 0.9, $"stopped early: {result.Duration}");
        Assert.True(result.Duration < deadline * 2, $"stopped late: {result.Duration}");
    }

    [Fact]
    public void Invoke_EndlessLoopWithALongDeadline_StopsCloseToTheWallClockDeadline()
    {
        // One epoch per wait of one tick falls behind the clock (each wait oversleeps a little):
        // a 1 s deadline stopped at 1.11-1.14 s. Counting elapsed ticks leaves only the lateness of
        // the last wake-up, so 10 % holds on a loaded two-core machine.
        var deadline = TimeSpan.FromSeconds(1);

        var result = Run("loop", "run", SandboxLimits.Default with { Timeout = deadline });

        Assert.Equal(InvocationOutcome.Timeout, result.Outcome);
        Assert.True(result.Duration >= deadline * 0.99, $"stopped early: {result.Duration}");
        Assert.True(result.Duration < deadline * 1.10, $"stopped late: {result.Duration}");
    }

    [Theory]
    [InlineData(16)]
    [InlineData(64)]
    public void Invoke_MemoryGrowBomb_StaysAtTheConfiguredLimit(int limitMiB)
    {
        var result = Run("memory-bomb", "grow", SandboxLimits.Default with { MemoryBytes = limitMiB * 1024L * 1024 });

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.Equal((uint)(limitMiB * 16), result.Output!.AsU32());
    }

    [Fact]
    public void Invoke_TwoMemoryBomb_IsRefusedRatherThanGivenTheLimitTwice()
    {
        // The store's memory limit applies to each linear memory, so a second memory would double it.
        var result = Run("two-memory-bomb", "grow", SandboxLimits.Default with { MemoryBytes = 16L * 1024 * 1024 });

        Assert.Equal(InvocationOutcome.OutOfMemory, result.Outcome);
        Assert.Contains("memory count too high", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_GuestThatTrapsAfterRefusedGrowth_IsUnreachableTrap()
    {
        var result = Run("memory-bomb", "grow-then-trap", SandboxLimits.Default with { MemoryBytes = 8 * 1024 * 1024 });

        Assert.Equal(InvocationOutcome.Trap, result.Outcome);
        Assert.Equal(TrapKind.Unreachable, result.Trap);
    }

    [Fact]
    public void Invoke_InitialMemoryAboveTheLimit_IsOutOfMemory()
    {
        var result = Run("big-memory", "run", SandboxLimits.Default with { MemoryBytes = 64L * 1024 * 1024 });

        Assert.Equal(InvocationOutcome.OutOfMemory, result.Outcome);
        Assert.Contains("exceeds memory limits", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_InitialMemoryWithinAHigherLimit_Runs()
    {
        var result = Run("big-memory", "run", SandboxLimits.Default with { MemoryBytes = 128L * 1024 * 1024 });

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
    }

    [Fact]
    public void Invoke_UnboundedRecursion_IsStackOverflowTrap()
    {
        var result = Run("recursion", "run");

        Assert.Equal(InvocationOutcome.Trap, result.Outcome);
        Assert.Equal(TrapKind.StackOverflow, result.Trap);
    }

    [Fact]
    public void Invoke_Unreachable_IsUnreachableTrap()
    {
        var result = Run("unreachable", "run");

        Assert.Equal(InvocationOutcome.Trap, result.Outcome);
        Assert.Equal(TrapKind.Unreachable, result.Trap);
        Assert.Contains("unreachable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_TrapInAFunctionNamedLikeATimeout_IsClassifiedByItsCauseNotItsBacktrace()
    {
        var result = Run("trap-named-interrupt", "run");

        Assert.Equal(InvocationOutcome.Trap, result.Outcome);
        Assert.Equal(TrapKind.Unreachable, result.Trap);
    }

    [Fact]
    public void Invoke_GuestReturnsErr_IsGuestErrorWithThePayload()
    {
        var result = Run("guest-error", "check", null, ComponentValue.U32(3));

        Assert.Equal(InvocationOutcome.GuestError, result.Outcome);
        Assert.Equal("odd", result.Output!.Payload!.AsString());
        Assert.Equal("the component returned an error: odd", result.Error);
    }

    [Fact]
    public void Invoke_GuestReturnsOk_IsOkWithThePayload()
    {
        var result = Run("guest-error", "check", null, ComponentValue.U32(4));

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.Equal(4u, result.Output!.Payload!.AsU32());
    }

    [Fact]
    public void Invoke_AfterATimeout_NextCallGetsAFreshStoreAndSucceeds()
    {
        var timedOut = Run("loop", "run", SandboxLimits.Default with { Timeout = TimeSpan.FromMilliseconds(20) });

        var next = Run("add", "add", null, ComponentValue.U32(40), ComponentValue.U32(2));

        Assert.Equal(InvocationOutcome.Timeout, timedOut.Outcome);
        Assert.Equal(InvocationOutcome.Ok, next.Outcome);
        Assert.Equal(42u, next.Output!.AsU32());
    }

    [Fact]
    public void Invoke_StringArgument_RoundTripsThroughGuestMemory()
    {
        var result = Run("add", "echo", null, ComponentValue.String("héllo, wörld"));

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.Equal("héllo, wörld", result.Output!.AsString());
    }

    [Fact]
    public void Invoke_MissingExport_IsHostErrorNamingTheExport()
    {
        var result = Run("add", "nope");

        Assert.Equal(InvocationOutcome.HostError, result.Outcome);
        Assert.Contains("'nope'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Invoke_WrongArgumentCount_IsHostErrorWithCounts()
    {
        var result = Run("add", "add", null, ComponentValue.U32(1));

        Assert.Equal(InvocationOutcome.HostError, result.Outcome);
        Assert.Contains("takes 2 argument(s) but 1 were given", result.Error, StringComparison.Ordinal);
    }
}
