using ExtensibilityHost.Core.Reviews;

namespace ExtensibilityHost.Api.Endpoints.Reviews;

/// <summary>One audited decision about a version: what, why, who, when.</summary>
internal sealed record ReviewEntryResponse(Guid Id, Guid VersionId, ReviewDecision Decision, string? Reason, string Actor, DateTime At)
{
    public static ReviewEntryResponse From(Review review) =>
        new(review.Id, review.VersionId, review.Decision, review.Reason, review.Actor, review.At);
}
