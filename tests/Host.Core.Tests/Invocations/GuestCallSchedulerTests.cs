using System.Collections.Concurrent;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Invocations.Protection;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.Invocations;

/// <summary>
/// The execution slots: their count, one tenant's share, which waiting tenant a freed slot goes to,
/// cancellation and failure. Calls block on gates the test opens, so nothing depends on timing;
/// the waits only guard against a hang.
/// </summary>
public sealed class GuestCallSchedulerTests : IDisposable
{
    private static readonly TimeSpan s_hang = TimeSpan.FromSeconds(30);

    private readonly InvocationMetrics _metrics = new();
    private readonly List<GuestCallScheduler> _schedulers = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        _schedulers.ForEach(s => s.Dispose());
        _metrics.Dispose();
    }

    [Fact]
    public async Task RunAsync_TenantAtItsShare_QueuesItsNextCallWhileAnotherTenantRuns()
    {
        var scheduler = Scheduler(slots: 2, perTenant: 1);
        using var gate = new ManualResetEventSlim();
        var started = new ConcurrentQueue<string>();
        var first = scheduler.RunAsync("a", () => Block(started, "a1", gate), Cancellation);
        await WaitUntilAsync(() => started.Contains("a1"));

        var second = scheduler.RunAsync("a", () => Record(started, "a2"), Cancellation);
        var other = scheduler.RunAsync("b", () => Record(started, "b1"), Cancellation);

        Assert.Equal("b1", await other.WaitAsync(s_hang, Cancellation));
        Assert.DoesNotContain("a2", started);
        gate.Set();
        await first.WaitAsync(s_hang, Cancellation);
        Assert.Equal("a2", await second.WaitAsync(s_hang, Cancellation));
    }

    [Fact]
    public async Task RunAsync_FreedSlot_GoesToTheWaitingTenantRunningFewestCalls()
    {
        var scheduler = Scheduler(slots: 2, perTenant: 2);
        using var gateA1 = new ManualResetEventSlim();
        using var gateA2 = new ManualResetEventSlim();
        var started = new ConcurrentQueue<string>();
        var a1 = scheduler.RunAsync("a", () => Block(started, "a1", gateA1), Cancellation);
        var a2 = scheduler.RunAsync("a", () => Block(started, "a2", gateA2), Cancellation);
        await WaitUntilAsync(() => started.Count == 2);

        // a3 waits first, but when a1 ends "a" still runs a2 and "b" runs nothing.
        var a3 = scheduler.RunAsync("a", () => Record(started, "a3"), Cancellation);
        var b1 = scheduler.RunAsync("b", () => Record(started, "b1"), Cancellation);
        gateA1.Set();
        await b1.WaitAsync(s_hang, Cancellation);
        gateA2.Set();
        await Task.WhenAll(a1, a2, a3).WaitAsync(s_hang, Cancellation);

        string[] expected = ["a1", "a2", "b1", "a3"];
        Assert.Equal(expected, started.Take(2).Order().Concat(started.Skip(2)));
    }

    [Fact]
    public async Task RunAsync_AllSlotsBusy_RunsNoMoreCallsAtOnceThanSlots()
    {
        var scheduler = Scheduler(slots: 3, perTenant: 3);
        using var gate = new ManualResetEventSlim();
        var running = 0;
        var most = 0;
        var calls = Enumerable.Range(0, 12).Select(i => scheduler.RunAsync($"t{i % 4}", () =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            gate.Wait(s_hang);
            Interlocked.Decrement(ref running);
            return i;
        }, Cancellation)).ToList();
        await WaitUntilAsync(() => Volatile.Read(ref running) == 3);

        gate.Set();
        await Task.WhenAll(calls).WaitAsync(s_hang, Cancellation);

        Assert.Equal(3, most);
    }

    [Fact]
    public async Task RunAsync_Call_RunsOffTheThreadPoolWithTheCallersExecutionContext()
    {
        var scheduler = Scheduler(slots: 1, perTenant: 1);
        var flowing = new AsyncLocal<string> { Value = "caller's" };

        var (poolThread, seen) = await scheduler.RunAsync("a", () => (Thread.CurrentThread.IsThreadPoolThread, flowing.Value), Cancellation)
            .WaitAsync(s_hang, Cancellation);

        Assert.False(poolThread);
        Assert.Equal("caller's", seen);
    }

    [Fact]
    public async Task RunAsync_CancelledWhileWaiting_IsCancelledAndNeverRuns()
    {
        var scheduler = Scheduler(slots: 1, perTenant: 1);
        using var gate = new ManualResetEventSlim();
        var started = new ConcurrentQueue<string>();
        var blocking = scheduler.RunAsync("a", () => Block(started, "a1", gate), Cancellation);
        await WaitUntilAsync(() => started.Contains("a1"));
        using var cancel = new CancellationTokenSource();
        var waiting = scheduler.RunAsync("b", () => Record(started, "b1"), cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(s_hang, Cancellation));
        gate.Set();
        await blocking.WaitAsync(s_hang, Cancellation);
        Assert.Equal("c1", await scheduler.RunAsync("c", () => Record(started, "c1"), Cancellation).WaitAsync(s_hang, Cancellation));

        Assert.DoesNotContain("b1", started);
    }

    [Fact]
    public async Task RunAsync_CallThrows_TheCallerGetsTheExceptionAndTheSlotRunsTheNextCall()
    {
        var scheduler = Scheduler(slots: 1, perTenant: 1);

        var failing = scheduler.RunAsync<int>("a", () => throw new InvalidOperationException("boom"), Cancellation);

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => failing.WaitAsync(s_hang, Cancellation));
        Assert.Equal("boom", thrown.Message);
        Assert.Equal(42, await scheduler.RunAsync("a", () => 42, Cancellation).WaitAsync(s_hang, Cancellation));
    }

    [Fact]
    public async Task Dispose_WithCallsWaiting_FailsThemWithObjectDisposed()
    {
        var scheduler = Scheduler(slots: 1, perTenant: 1);
        using var gate = new ManualResetEventSlim();
        var started = new ConcurrentQueue<string>();
        var blocking = scheduler.RunAsync("a", () => Block(started, "a1", gate), Cancellation);
        await WaitUntilAsync(() => started.Contains("a1"));
        var waiting = scheduler.RunAsync("b", () => Record(started, "b1"), Cancellation);

        scheduler.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(s_hang, Cancellation));
        Assert.Throws<ObjectDisposedException>(() => { _ = scheduler.RunAsync("c", () => 1, Cancellation); });
        gate.Set();
        Assert.Equal("a1", await blocking.WaitAsync(s_hang, Cancellation));
    }

    private GuestCallScheduler Scheduler(int slots, int perTenant)
    {
        var scheduler = new GuestCallScheduler(
            Options.Create(new InvocationOptions { ExecutionSlots = slots, ExecutionSlotsPerTenant = perTenant }), _metrics);
        _schedulers.Add(scheduler);
        return scheduler;
    }

    private static string Block(ConcurrentQueue<string> started, string name, ManualResetEventSlim gate)
    {
        started.Enqueue(name);
        gate.Wait(s_hang);
        return name;
    }

    private static string Record(ConcurrentQueue<string> started, string name)
    {
        started.Enqueue(name);
        return name;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + s_hang;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the calls did not get where the test waits for them");
            await Task.Delay(5, Cancellation);
        }
    }
}
