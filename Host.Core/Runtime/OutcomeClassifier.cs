using Wasmtime;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// Turns a failed instantiation or call into an <see cref="InvocationOutcome"/>: the one place
/// where Wasmtime's errors are read.
/// </summary>
/// <remarks>
/// The managed binding surfaces component traps as <see cref="WasmtimeException"/> without a
/// trap code; the kind is in the error chain after <c>Caused by:</c>, in Wasmtime's own
/// wording (pinned: Wasmtime 50.0.1). Each pattern below is covered by a test with a real guest.
/// </remarks>
internal static class OutcomeClassifier
{
    private static readonly (string Pattern, InvocationOutcome Outcome, TrapKind? Trap)[] s_patterns =
    [
        ("wasm trap: interrupt", InvocationOutcome.Timeout, null),
        ("all fuel consumed", InvocationOutcome.OutOfFuel, null),
        ("exceeds memory limits", InvocationOutcome.OutOfMemory, null),
        ("forcing a memory growth failure to be a trap", InvocationOutcome.OutOfMemory, null),
        ("memory count too high", InvocationOutcome.OutOfMemory, null),
        ("call stack exhausted", InvocationOutcome.Trap, TrapKind.StackOverflow),
        ("`unreachable` instruction executed", InvocationOutcome.Trap, TrapKind.Unreachable),
        ("string pointer/length out of bounds", InvocationOutcome.Trap, TrapKind.StringOutOfBounds),
        ("list pointer/length out of bounds", InvocationOutcome.Trap, TrapKind.ListOutOfBounds),
        ("out of bounds memory access", InvocationOutcome.Trap, TrapKind.MemoryOutOfBounds),
        ("realloc return: beyond end of memory", InvocationOutcome.Trap, TrapKind.MemoryOutOfBounds),
        ("pointer out of bounds", InvocationOutcome.Trap, TrapKind.MemoryOutOfBounds),
        ("integer divide by zero", InvocationOutcome.Trap, TrapKind.IntegerDivisionByZero),
        ("integer overflow", InvocationOutcome.Trap, TrapKind.IntegerOverflow),
        ("invalid conversion to integer", InvocationOutcome.Trap, TrapKind.BadConversionToInteger),
        ("indirect call type mismatch", InvocationOutcome.Trap, TrapKind.IndirectCall),
        ("uninitialized element", InvocationOutcome.Trap, TrapKind.IndirectCall),
        ("undefined element", InvocationOutcome.Trap, TrapKind.IndirectCall),
        ("misaligned memory access", InvocationOutcome.Trap, TrapKind.HeapMisaligned),
        ("invalid variant discriminant", InvocationOutcome.Trap, TrapKind.InvalidValue),
        ("invalid discriminant", InvocationOutcome.Trap, TrapKind.InvalidValue),
        ("invalid char", InvocationOutcome.Trap, TrapKind.InvalidValue),
        ("invalid utf-8", InvocationOutcome.Trap, TrapKind.InvalidValue),
        ("unaligned", InvocationOutcome.Trap, TrapKind.InvalidValue),
        ("cannot enter component instance", InvocationOutcome.Trap, TrapKind.ComponentReentrance),
        ("cannot leave component instance", InvocationOutcome.Trap, TrapKind.ComponentReentrance),

        // Wasmtime refuses a copy between host and guest too large for one hostcall; the guest asked for it.
        ("fuel allocated for hostcalls has been exhausted", InvocationOutcome.Trap, TrapKind.HostCopyLimit),
    ];

    /// <summary>Classifies an exception thrown by instantiation or a call.</summary>
    /// <param name="exception">What Wasmtime (or the binding) threw.</param>
    /// <param name="hostFault">The first exception a host import threw during the call, if any.</param>
    public static (InvocationOutcome Outcome, TrapKind? Trap, string Error) Classify(Exception exception, Exception? hostFault)
    {
        ArgumentNullException.ThrowIfNull(exception);

        // A host import fault comes back wrapped as a wasm error; it is the host's failure, not the guest's.
        if (hostFault is not null)
        {
            return (InvocationOutcome.HostError, null, $"host import failed: {hostFault.Message}");
        }

        if (exception is not WasmtimeException)
        {
            return (InvocationOutcome.HostError, null, exception.Message);
        }

        // Only the cause is matched: the backtrace before it carries function names from the
        // guest's name section, which a guest can set to any pattern (e.g. "wasm trap: interrupt").
        var cause = Cause(exception.Message);
        foreach (var (pattern, outcome, trap) in s_patterns)
        {
            if (cause.Contains(pattern, StringComparison.Ordinal))
            {
                return (outcome, trap, cause);
            }
        }

        if (cause.Contains("wasm trap:", StringComparison.Ordinal))
        {
            return (InvocationOutcome.Trap, TrapKind.Other, cause);
        }

        return (InvocationOutcome.HostError, null, cause);
    }

    /// <summary>
    /// The part of a Wasmtime error after <c>Caused by:</c>, without the wasm backtrace, on one line.
    /// </summary>
    public static string Cause(string message)
    {
        var at = message.LastIndexOf("Caused by:", StringComparison.Ordinal);
        var text = at >= 0 ? message[(at + "Caused by:".Length)..] : message;
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("; ", lines.Select(StripIndex));

        // Wasmtime numbers chained causes ("0: memory fault ...", "1: wasm trap: ...").
        static string StripIndex(string line)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && line[..colon].All(char.IsAsciiDigit) ? line[(colon + 1)..].Trim() : line;
        }
    }
}
