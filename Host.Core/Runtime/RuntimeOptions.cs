using System.ComponentModel.DataAnnotations;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// Configuration of the process-wide Wasmtime engine and the sandbox (section <c>ExtensibilityHost:Runtime</c>).
/// Validated at start-up.
/// </summary>
public sealed class RuntimeOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:Runtime";

    /// <summary>How often the epoch ticker advances the engine epoch; a call's deadline is its timeout in ticks.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:01")]
    public TimeSpan EpochTick { get; set; } = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Turns on fuel metering for every call (a deterministic instruction budget). Costs 36–48 % of
    /// guest speed on the measured machines, so it is off unless a plan needs determinism.
    /// </summary>
    public bool EnableFuel { get; set; }

    /// <summary>The fuel budget of a call whose limits name none, when fuel is on.</summary>
    [Range(1UL, ulong.MaxValue)]
    public ulong DefaultFuel { get; set; } = 1_000_000_000;

    /// <summary>
    /// Maximum wasm stack. Guest calls run on .NET threads with the default native stack (1.5 MiB on
    /// Linux): the host's execution slots, or the caller's thread in the SDK's CLI. The wasm stack
    /// must stay well below that for recursion to trap instead of crashing.
    /// </summary>
    [Range(64 * 1024, 1024 * 1024)]
    public int MaxWasmStackBytes { get; set; } = 512 * 1024;

    /// <summary>Uses the pooling allocator (pre-reserved slots), which makes fresh instantiation several times faster.</summary>
    public bool UsePoolingAllocator { get; set; } = true;

    /// <summary>Pool slots: how many component instances may be alive at once in this process.</summary>
    [Range(1, 100_000)]
    public int PoolTotalComponentInstances { get; set; } = 256;

    /// <summary>Pool slots for linear memories (a component may hold several).</summary>
    [Range(1, 100_000)]
    public int PoolTotalMemories { get; set; } = 512;

    /// <summary>Pool slots for tables.</summary>
    [Range(1, 100_000)]
    public int PoolTotalTables { get; set; } = 512;

    /// <summary>Pool slots for core instances (a component is several core instances).</summary>
    [Range(1, 1_000_000)]
    public int PoolTotalCoreInstances { get; set; } = 2048;

    /// <summary>The largest linear memory a pool slot holds; no sandbox limit may exceed it.</summary>
    [Range(64 * 1024, 4L * 1024 * 1024 * 1024)]
    public long PoolMaxMemoryBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>
    /// Bytes of each memory slot kept resident when a slot is reused. Measured: without it, a
    /// second thread makes fresh instantiation slower (madvise contention); with 64 KiB it scales.
    /// </summary>
    [Range(0, 64L * 1024 * 1024)]
    public long KeepResidentBytes { get; set; } = 64 * 1024;

    /// <summary>Compiled components kept in memory (LRU by SHA-256).</summary>
    [Range(1, 100_000)]
    public int MemoryCacheCapacity { get; set; } = 64;

    /// <summary>
    /// Where serialized compiled artifacts are kept, keyed by SHA-256 and engine fingerprint.
    /// <see langword="null"/> keeps compiled components in memory only.
    /// </summary>
    public string? ArtifactCacheDirectory { get; set; }

    /// <summary>Guest log lines kept per call; later lines are counted but dropped.</summary>
    [Range(0, 100_000)]
    public int MaxLogLines { get; set; } = 100;

    /// <summary>Longest guest log line kept, in UTF-16 characters; longer lines are cut.</summary>
    [Range(16, 1024 * 1024)]
    public int MaxLogLineLength { get; set; } = 4096;

    /// <summary>Total guest log characters kept per call.</summary>
    [Range(16, 16 * 1024 * 1024)]
    public int MaxLogTotalLength { get; set; } = 64 * 1024;

    /// <summary>The limits of a call that names none.</summary>
    /// <remarks>
    /// A fresh instance, not <see cref="SandboxLimits.Default"/>: the configuration binder sets the
    /// properties of the object it finds here, and would otherwise change the process-wide default.
    /// </remarks>
    public SandboxLimits DefaultLimits { get; set; } = new();
}
