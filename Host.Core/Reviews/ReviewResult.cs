using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Core.Reviews;

/// <summary>The result of a review decision.</summary>
public sealed record ReviewResult
{
    /// <summary>What happened.</summary>
    public required ReviewOutcome Outcome { get; init; }

    /// <summary>The version as it is now (after the decision, or as found for a conflict); null when not found.</summary>
    public ComponentVersion? Version { get; init; }

    /// <summary>For a conflict: why, for the problem response.</summary>
    public string? Message { get; init; }

    internal static ReviewResult NotFound { get; } = new() { Outcome = ReviewOutcome.NotFound };
}
