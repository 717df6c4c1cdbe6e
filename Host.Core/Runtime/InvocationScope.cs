namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// Per-call state that host imports reach while the guest runs.
/// </summary>
/// <remarks>
/// Wasmtime's managed component callbacks receive only their arguments, not the store, so the
/// call's state travels in a thread-static slot. That is sound because a guest call is a
/// synchronous native call: every host import it makes runs on the calling thread, before
/// <see cref="ComponentSandbox"/> clears the slot.
/// </remarks>
internal sealed class InvocationScope(InvocationContext context, GuestLog log)
{
    [ThreadStatic]
    private static InvocationScope? t_current;

    public InvocationContext Context { get; } = context;

    public GuestLog Log { get; } = log;

    /// <summary>The first exception a host import threw during this call (a host fault, not a guest bug).</summary>
    public Exception? HostFault { get; private set; }

    /// <summary>The running call on this thread.</summary>
    /// <exception cref="InvalidOperationException">A host import ran outside a sandboxed call.</exception>
    public static InvocationScope Current =>
        t_current ?? throw new InvalidOperationException("A host import was called outside a sandboxed call.");

    public static InvocationScope? Enter(InvocationScope scope)
    {
        var previous = t_current;
        t_current = scope;
        return previous;
    }

    public static void Exit(InvocationScope? previous) => t_current = previous;

    public void RecordHostFault(Exception exception) => HostFault ??= exception;
}
