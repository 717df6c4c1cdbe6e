namespace ExtensibilityHost.Core.Runtime;

/// <summary>The stable kebab-case names of outcomes and trap kinds used in JSON, the database and problem types.</summary>
public static class WireNames
{
    /// <summary><c>ok</c>, <c>guest-error</c>, <c>timeout</c>, <c>out-of-fuel</c>, <c>out-of-memory</c>, <c>trap</c>, <c>host-error</c>.</summary>
    public static string ToWireName(this InvocationOutcome outcome) => outcome switch
    {
        InvocationOutcome.Ok => "ok",
        InvocationOutcome.GuestError => "guest-error",
        InvocationOutcome.Timeout => "timeout",
        InvocationOutcome.OutOfFuel => "out-of-fuel",
        InvocationOutcome.OutOfMemory => "out-of-memory",
        InvocationOutcome.Trap => "trap",
        InvocationOutcome.HostError => "host-error",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    /// <summary>e.g. <c>stack-overflow</c>, <c>unreachable</c>, <c>memory-out-of-bounds</c>.</summary>
    public static string ToWireName(this TrapKind trap) => trap switch
    {
        TrapKind.Other => "other",
        TrapKind.StackOverflow => "stack-overflow",
        TrapKind.Unreachable => "unreachable",
        TrapKind.MemoryOutOfBounds => "memory-out-of-bounds",
        TrapKind.StringOutOfBounds => "string-out-of-bounds",
        TrapKind.ListOutOfBounds => "list-out-of-bounds",
        TrapKind.IntegerDivisionByZero => "integer-division-by-zero",
        TrapKind.IntegerOverflow => "integer-overflow",
        TrapKind.BadConversionToInteger => "bad-conversion-to-integer",
        TrapKind.IndirectCall => "indirect-call",
        TrapKind.InvalidValue => "invalid-value",
        TrapKind.HeapMisaligned => "heap-misaligned",
        TrapKind.ComponentReentrance => "component-reentrance",
        TrapKind.HostCopyLimit => "host-copy-limit",
        _ => throw new ArgumentOutOfRangeException(nameof(trap), trap, null),
    };

    /// <summary><c>log</c>, <c>stdout</c>, <c>stderr</c>.</summary>
    public static string ToWireName(this GuestLogSource source) => source switch
    {
        GuestLogSource.Log => "log",
        GuestLogSource.Stdout => "stdout",
        GuestLogSource.Stderr => "stderr",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, null),
    };

    /// <summary>e.g. <c>guest-error</c> → <see cref="InvocationOutcome.GuestError"/>.</summary>
    public static bool TryParseOutcome(string? name, out InvocationOutcome outcome)
    {
        foreach (var candidate in Enum.GetValues<InvocationOutcome>())
        {
            if (candidate.ToWireName() == name)
            {
                outcome = candidate;
                return true;
            }
        }

        outcome = default;
        return false;
    }
}
