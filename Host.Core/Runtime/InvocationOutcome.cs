namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// How a sandboxed call ended. A closed set: every call ends in exactly one of these,
/// decided in one place (<see cref="OutcomeClassifier"/>).
/// </summary>
public enum InvocationOutcome
{
    /// <summary>The call returned normally (an <c>ok</c> result, or a plain value).</summary>
    Ok,

    /// <summary>The component returned an <c>err</c> result: a failure it reported itself.</summary>
    GuestError,

    /// <summary>The call passed its wall-clock deadline and was interrupted.</summary>
    Timeout,

    /// <summary>The call used up its fuel budget.</summary>
    OutOfFuel,

    /// <summary>The component needed more memory than its limit (detected at instantiation or allocation).</summary>
    OutOfMemory,

    /// <summary>The guest trapped; <see cref="InvocationResult.Trap"/> says which kind.</summary>
    Trap,

    /// <summary>The host failed: a host import faulted, the target does not exist, or the sandbox could not be set up.</summary>
    HostError,
}
