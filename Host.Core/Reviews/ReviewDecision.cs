namespace ExtensibilityHost.Core.Reviews;

/// <summary>The decisions recorded in the audit trail.</summary>
public enum ReviewDecision
{
    /// <summary>A pending version was approved and became active.</summary>
    Approved,

    /// <summary>A pending version was rejected.</summary>
    Rejected,

    /// <summary>A superseded version was made active again.</summary>
    RolledBack,

    /// <summary>A version was suspended (by the circuit breaker or an admin).</summary>
    Suspended,

    /// <summary>A suspended version was re-enabled.</summary>
    Reenabled,
}
