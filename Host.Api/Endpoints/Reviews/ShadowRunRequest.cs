using ExtensibilityHost.Core.Reviews;

namespace ExtensibilityHost.Api.Endpoints.Reviews;

/// <summary>Body of <c>POST /api/v1/admin/reviews/{versionId}/shadow-run</c> (optional).</summary>
internal sealed record ShadowRunRequest
{
    /// <summary>How many recorded inputs to replay: 1–50, default 10.</summary>
    public int Count { get; init; } = ShadowRunner.DefaultInputs;
}
