namespace ExtensibilityHost.Core.Invocations;

/// <summary>Whether a run request reached tenant code, and if not, why.</summary>
public enum ExtensionRunStatus
{
    /// <summary>The component ran; see the invocation result for its outcome.</summary>
    Ran,

    /// <summary>The tenant or component does not exist.</summary>
    NotFound,

    /// <summary>The component has no active version (none approved, or it was suspended).</summary>
    NoActiveVersion,

    /// <summary>The tenant's kill switch is on.</summary>
    TenantDisabled,

    /// <summary>The component's kill switch is on.</summary>
    ComponentDisabled,

    /// <summary>The tenant is at its concurrency limit and the request did not wait.</summary>
    ConcurrencyLimited,
}
