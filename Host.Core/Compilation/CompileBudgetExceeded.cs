namespace ExtensibilityHost.Core.Compilation;

/// <summary>A compilation stopped at one of its budgets: the worker was killed and the component refused.</summary>
public sealed record CompileBudgetExceeded
{
    /// <summary>The budget that stopped it.</summary>
    public required CompileBudget Budget { get; init; }

    /// <summary>The time budget in force.</summary>
    public required TimeSpan Timeout { get; init; }

    /// <summary>The memory budget in force, in bytes.</summary>
    public required long MemoryBytes { get; init; }

    /// <summary>How long the worker had run when it was killed.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The most resident memory the worker was seen to hold, in bytes.</summary>
    public required long PeakMemoryBytes { get; init; }
}
