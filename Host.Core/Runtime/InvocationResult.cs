using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>The result of one sandboxed call.</summary>
public sealed record InvocationResult
{
    /// <summary>How the call ended.</summary>
    public required InvocationOutcome Outcome { get; init; }

    /// <summary>The trap kind when <see cref="Outcome"/> is <see cref="InvocationOutcome.Trap"/>.</summary>
    public TrapKind? Trap { get; init; }

    /// <summary>
    /// The function's return value as the guest returned it (for <see cref="InvocationOutcome.GuestError"/>,
    /// the whole <c>err</c> result); <see langword="null"/> when the call did not return or returns nothing.
    /// </summary>
    public ComponentValue? Output { get; init; }

    /// <summary>A readable reason for any outcome other than <see cref="InvocationOutcome.Ok"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Wall-clock time of instantiation plus call.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>Fuel consumed, when the engine meters fuel.</summary>
    public ulong? FuelConsumed { get; init; }

    /// <summary>Lines the guest logged, capped.</summary>
    public required IReadOnlyList<GuestLogLine> Logs { get; init; }

    /// <summary>Log lines dropped because a cap was reached.</summary>
    public int LogsDropped { get; init; }

    /// <summary>The context the call ran in.</summary>
    public required InvocationContext Context { get; init; }

    /// <summary>
    /// The limits the sandbox applied: the caller's, or the engine's defaults, with the memory
    /// limit as enforced (never above the pool's slot size).
    /// </summary>
    public required SandboxLimits Limits { get; init; }
}
