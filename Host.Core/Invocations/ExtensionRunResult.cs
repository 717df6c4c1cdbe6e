using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>What happened to an <see cref="ExtensionRunRequest"/>.</summary>
public sealed record ExtensionRunResult
{
    /// <summary>Whether tenant code ran.</summary>
    public required ExtensionRunStatus Status { get; init; }

    /// <summary>The sandboxed call's result, when <see cref="Status"/> is <see cref="ExtensionRunStatus.Ran"/>.</summary>
    public InvocationResult? Invocation { get; init; }

    /// <summary>The id of the invocation log record, when it ran.</summary>
    public Guid? InvocationId { get; init; }

    /// <summary>The version that ran.</summary>
    public Guid? VersionId { get; init; }

    /// <summary>Its number.</summary>
    public int? VersionNumber { get; init; }

    /// <summary>Why it did not run, for statuses other than <see cref="ExtensionRunStatus.Ran"/>.</summary>
    public string? Reason { get; init; }
}
