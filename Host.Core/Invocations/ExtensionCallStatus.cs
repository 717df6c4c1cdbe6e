namespace ExtensibilityHost.Core.Invocations;

/// <summary>
/// How a call of tenant code ended — an event delivery, an extension point, a typed call of an
/// export. Every status is one failure class with one problem type at the HTTP edge. The runner
/// answers <see cref="Ok"/>, <see cref="Failed"/> or a refusal; JSON calls add the statuses of
/// their conversions and points those of their bindings.
/// </summary>
public enum ExtensionCallStatus
{
    /// <summary>The component ran, and its outcome is <c>ok</c>.</summary>
    Ok,

    /// <summary>Extension points only: no point of that name is configured.</summary>
    UnknownPoint,

    /// <summary>Extension points only: the tenant has bound no component to the point.</summary>
    NotBound,

    /// <summary>The tenant or the component does not exist.</summary>
    NotFound,

    /// <summary>The tenant's kill switch is on.</summary>
    TenantDisabled,

    /// <summary>The component's kill switch is on.</summary>
    ComponentDisabled,

    /// <summary>The component has no active version (none approved, or it was suspended).</summary>
    NoActiveVersion,

    /// <summary>The tenant is at its concurrency limit.</summary>
    ConcurrencyLimited,

    /// <summary>The active version does not export the function (or, for a point, not with the point's signature).</summary>
    ExportMissing,

    /// <summary>The input does not fit the function's WIT types; the error names the parameter and JSON path. Nothing ran.</summary>
    InvalidInput,

    /// <summary>The component ran and did not succeed: see the outcome (<c>guest-error</c>, <c>timeout</c>, <c>trap</c>, …).</summary>
    Failed,

    /// <summary>The component returned, but its output could not be turned into JSON (a point's output that is not JSON, say).</summary>
    InvalidOutput,
}
