namespace ExtensibilityHost.Core.Reviews;

/// <summary>What a review decision did.</summary>
public enum ReviewOutcome
{
    /// <summary>The decision was applied and audited.</summary>
    Applied,

    /// <summary>There is no such version.</summary>
    NotFound,

    /// <summary>The version is not in the state the decision needs (already decided, or decided concurrently); nothing changed.</summary>
    StateConflict,
}
