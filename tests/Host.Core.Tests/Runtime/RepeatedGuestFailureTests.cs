using System.Diagnostics;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>
/// Thousands of guest failures of each fatal-looking class through the real sandbox in this one
/// process: each is an outcome, none ends the process (this test's process still running to its
/// last assertion is the proof), and a normal call succeeds after them.
/// </summary>
[Collection(RuntimeCollection.Name)]
public sealed class RepeatedGuestFailureTests(RuntimeFixture runtime, ITestOutputHelper output)
{
    private static readonly InvocationContext Context = InvocationContext.Local("repeated-failures");

    /// <summary>
    /// The default limits with a deadline no call here comes near (a stack overflow takes ~2 ms):
    /// on a machine whose cores are taken by other work a descheduled call must not end as a
    /// timeout, since the classes under test are the fatal-looking ones.
    /// </summary>
    private static readonly SandboxLimits Unhurried = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>
    /// Small, so that a guest reaches it after 16 pages of growth and an initial memory of 2048 pages
    /// is refused at once: the class is about the limit's handling, not about touching memory.
    /// </summary>
    private static readonly SandboxLimits OneMiB = Unhurried with { MemoryBytes = 1024 * 1024 };

    [Fact]
    public void Invoke_ThousandsOfTrapsStackOverflowsAndOutOfMemories_EachIsAnOutcomeAndTheNextCallSucceeds()
    {
        var calls = Soak.Scale(1_000, 10_000);

        var traps = Repeat(calls, _ => Run("unreachable", "run"), (_, r) => r is { Outcome: InvocationOutcome.Trap, Trap: TrapKind.Unreachable });
        var overflows = Repeat(calls, _ => Run("recursion", "run"), (_, r) => r is { Outcome: InvocationOutcome.Trap, Trap: TrapKind.StackOverflow });

        // The two ways a guest runs out of memory, alternately: an initial memory over the limit
        // (refused at instantiation: out-of-memory), and growth refused at the limit at run time
        // (memory.grow answers -1, and the guest, like Rust's allocator, gives up with a trap).
        var outOfMemory = Repeat(
            calls,
            i => i % 2 == 0 ? Run("big-memory", "run", OneMiB) : Run("memory-bomb", "grow-then-trap", OneMiB),
            (i, r) => i % 2 == 0 ? r is { Outcome: InvocationOutcome.OutOfMemory } : r is { Outcome: InvocationOutcome.Trap, Trap: TrapKind.Unreachable });
        var next = Run("add", "add", null, ComponentValue.U32(40), ComponentValue.U32(2));

        Print("trap (unreachable)", traps);
        Print("stack overflow", overflows);
        Print("out of memory (1 MiB)", outOfMemory);
        Assert.Equal((calls, calls, calls), (traps.AsExpected, overflows.AsExpected, outOfMemory.AsExpected));
        Assert.Equal(InvocationOutcome.Ok, next.Outcome);
        Assert.Equal(42u, next.Output!.AsU32());
    }

    private InvocationResult Run(string guest, string export, SandboxLimits? limits = null, params ComponentValue[] arguments) =>
        runtime.Sandbox.Invoke(runtime.Wat(guest), InvocationTarget.Parse(export), arguments, Context, limits ?? Unhurried);

    private static Series Repeat(int calls, Func<int, InvocationResult> call, Func<int, InvocationResult, bool> expected)
    {
        var outcomes = new Dictionary<InvocationOutcome, int>();
        var asExpected = 0;
        string? firstUnexpected = null;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            var result = call(i);
            outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
            if (expected(i, result))
            {
                asExpected++;
            }
            else
            {
                firstUnexpected ??= $"call {i}: {result.Outcome} {result.Trap} {result.Error}";
            }
        }

        return new Series(calls, asExpected, outcomes, clock.Elapsed, firstUnexpected);
    }

    private void Print(string name, Series series) => output.WriteLine(
        $"{name}: {series.Calls:N0} calls in {series.Elapsed.TotalMilliseconds:N0} ms ({series.Elapsed.TotalMicroseconds / series.Calls:N0} µs/call), "
        + $"outcomes {string.Join(", ", series.Outcomes.Select(o => $"{o.Key} {o.Value:N0}"))}, as expected {series.AsExpected:N0}"
        + (series.FirstUnexpected is null ? "" : $"; first unexpected: {series.FirstUnexpected}"));

    private sealed record Series(int Calls, int AsExpected, Dictionary<InvocationOutcome, int> Outcomes, TimeSpan Elapsed, string? FirstUnexpected);
}
