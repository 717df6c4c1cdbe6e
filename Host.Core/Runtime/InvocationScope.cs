using System.Diagnostics;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// The running call, as host capabilities see it: who it runs for, and its capped guest log.
/// Host functions reach it through <see cref="Current"/>.
/// </summary>
/// <remarks>
/// Wasmtime's managed component callbacks receive only their arguments, not the store, so the
/// call's state travels in a thread-static slot. That is sound because a guest call is a
/// synchronous native call: every host import it makes runs on the calling thread, before
/// <see cref="ComponentSandbox"/> clears the slot. (WASI's output callbacks run on a Wasmtime
/// thread instead; they capture their scope when the store is prepared.)
/// </remarks>
public sealed class InvocationScope
{
    [ThreadStatic]
    private static InvocationScope? t_current;

    private List<StandardStreamLines>? _streams;
    private long _deadline = long.MaxValue;

    internal InvocationScope(InvocationContext context, GuestLog log)
    {
        Context = context;
        Log = log;
    }

    /// <summary>The running call on this thread.</summary>
    /// <exception cref="InvalidOperationException">A host import ran outside a sandboxed call.</exception>
    public static InvocationScope Current =>
        t_current ?? throw new InvalidOperationException("A host import was called outside a sandboxed call.");

    /// <summary>Who the call runs for.</summary>
    public InvocationContext Context { get; }

    internal GuestLog Log { get; }

    /// <summary>
    /// How long the call may still run before its epoch deadline stops it: what a host import that
    /// waits (outbound HTTP) may spend: <see cref="TimeSpan.Zero"/> once the deadline has passed,
    /// <see cref="Timeout.InfiniteTimeSpan"/> before the sandbox has set it.
    /// </summary>
    public TimeSpan TimeLeft
    {
        get
        {
            var deadline = _deadline;
            if (deadline == long.MaxValue)
            {
                return Timeout.InfiniteTimeSpan;
            }

            var left = deadline - Stopwatch.GetTimestamp();
            return left <= 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(0, left);
        }
    }

    /// <summary>The first exception a host import threw during this call (a host fault, not a guest bug).</summary>
    internal Exception? HostFault { get; private set; }

    /// <summary>Adds a line to the call's guest log (capped; lines past the caps are counted and dropped).</summary>
    public void WriteLog(GuestLogLevel level, string message, GuestLogSource source = GuestLogSource.Log)
    {
        ArgumentNullException.ThrowIfNull(message);
        Log.Add(level, message, source);
    }

    internal static InvocationScope? Enter(InvocationScope scope)
    {
        var previous = t_current;
        t_current = scope;
        return previous;
    }

    internal static void Exit(InvocationScope? previous) => t_current = previous;

    internal void RecordHostFault(Exception exception) => HostFault ??= exception;

    /// <summary>Starts the call's wall-clock budget: <paramref name="timeout"/> from now, as the store's epoch deadline.</summary>
    internal void StartDeadline(TimeSpan timeout)
    {
        var now = Stopwatch.GetTimestamp();
        var ticks = timeout.TotalSeconds * Stopwatch.Frequency;
        _deadline = ticks >= long.MaxValue - now ? long.MaxValue : now + (long)ticks;
    }

    /// <summary>A standard stream of the guest whose lines go to this call's log; flushed when the call ends.</summary>
    internal StandardStreamLines OpenStream(GuestLogSource source, GuestLogLevel level)
    {
        var stream = new StandardStreamLines(Log, source, level);
        (_streams ??= []).Add(stream);
        return stream;
    }

    /// <summary>Logs what the guest's standard streams hold without a final newline.</summary>
    internal void Complete()
    {
        if (_streams is null)
        {
            return;
        }

        foreach (var stream in _streams)
        {
            stream.Flush();
        }
    }
}
