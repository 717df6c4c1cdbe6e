namespace ExtensibilityHost.Api.Endpoints.Reviews;

/// <summary>Optional body of approve and roll back: why, for the audit trail.</summary>
internal sealed record DecisionRequest
{
    /// <summary>At most 2000 characters.</summary>
    public string? Reason { get; init; }
}
