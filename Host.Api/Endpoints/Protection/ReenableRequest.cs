namespace ExtensibilityHost.Api.Endpoints.Protection;

/// <summary>Body of <c>POST /api/v1/admin/versions/{versionId}/reenable</c>.</summary>
internal sealed record ReenableRequest
{
    /// <summary>Why the version may run again (audited).</summary>
    public string? Reason { get; init; }
}
