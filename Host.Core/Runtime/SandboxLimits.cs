namespace ExtensibilityHost.Core.Runtime;

/// <summary>The resource limits of one sandboxed call.</summary>
public sealed record SandboxLimits
{
    /// <summary>The defaults used by the host and by <c>ext run</c>: 100 ms, 64 MiB, no fuel budget.</summary>
    public static SandboxLimits Default { get; } = new();

    /// <summary>Wall-clock deadline, enforced through epoch interruption.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The size the call's linear memory may grow to, in bytes.</summary>
    public long MemoryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>
    /// Deterministic instruction budget. Only honoured by an engine built with fuel enabled;
    /// <see langword="null"/> means the engine's default budget when fuel is on.
    /// </summary>
    public ulong? Fuel { get; init; }

    /// <summary>Maximum elements of any table.</summary>
    public uint TableElements { get; init; } = 20_000;

    /// <summary>Maximum core instances a component may create (a component is several core instances).</summary>
    public long Instances { get; init; } = 64;

    /// <summary>Maximum tables.</summary>
    public long Tables { get; init; } = 64;

    /// <summary>
    /// Maximum linear memories. Wasmtime applies <see cref="MemoryBytes"/> to each memory, so
    /// one memory is what makes <see cref="MemoryBytes"/> the call's total; every guest toolchain
    /// we support (wit-component, componentize-js, Rust) produces components with one memory.
    /// </summary>
    public long Memories { get; init; } = 1;
}
