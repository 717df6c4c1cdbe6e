namespace ExtensibilityHost.Core.Reviews;

/// <summary>Body of <c>POST /api/v1/admin/reviews/{versionId}/reject</c>.</summary>
public sealed record RejectRequest
{
    /// <summary>Why the version is rejected, shown to the tenant: required, at most <see cref="MaxReasonLength"/> characters.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The longest reason accepted (the column's length).</summary>
    public const int MaxReasonLength = 2000;
}
