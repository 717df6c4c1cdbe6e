using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Reviews;
using ExtensibilityHost.Core.Versions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints;

/// <summary>
/// <c>/api/v1/admin/reviews</c> (admin keys only): the review queue, approve / reject / roll back a
/// version by id, and its audit trail. A decision on a version not in the right state — including
/// the loser of two concurrent decisions — is a 409 <c>version-state-conflict</c>.
/// </summary>
internal static class ReviewEndpoints
{
    public static IEndpointRouteBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/reviews").WithTags("Reviews").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapGet("/", QueueAsync);
        group.MapGet("/{versionId:guid}/history", HistoryAsync);
        group.MapPost("/{versionId:guid}/approve", ApproveAsync);
        group.MapPost("/{versionId:guid}/reject", RejectAsync).Validate<RejectRequest>();
        group.MapPost("/{versionId:guid}/rollback", RollbackAsync);
        return app;
    }

    /// <summary>Versions in a status (default <c>pending</c>), oldest first, with their capability diff against the active version.</summary>
    private static async Task<Results<Ok<List<ReviewQueueItemResponse>>, ProblemHttpResult>> QueueAsync(
        string? status, VersionCatalog catalog, CancellationToken cancellationToken)
    {
        var wanted = status is null
            ? VersionStatus.Pending
            : Enum.GetValues<VersionStatus>().Cast<VersionStatus?>().FirstOrDefault(s => s.ToString()!.Equals(status, StringComparison.OrdinalIgnoreCase));
        if (wanted is null)
        {
            return ApiProblems.Validation($"'{status}' is not a version status.", new Dictionary<string, string[]>
            {
                ["status"] = ["One of pending, active, superseded, rejected, suspended."],
            });
        }

        var queue = await catalog.ReviewQueueAsync(wanted.Value, cancellationToken);
        return TypedResults.Ok(queue.ConvertAll(e => new ReviewQueueItemResponse(VersionResponse.From(e.Version), e.Diff)));
    }

    private static async Task<Results<Ok<List<ReviewEntryResponse>>, ProblemHttpResult>> HistoryAsync(
        Guid versionId, ReviewService reviews, CancellationToken cancellationToken)
    {
        var history = await reviews.HistoryAsync(versionId, cancellationToken);
        return history is null ? NoVersion(versionId) : TypedResults.Ok(history.ConvertAll(ReviewEntryResponse.From));
    }

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> ApproveAsync(
        Guid versionId, HttpContext http, ReviewService reviews, CancellationToken cancellationToken) =>
        Respond(await reviews.ApproveAsync(versionId, http.User.Actor(), cancellationToken), versionId);

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> RejectAsync(
        Guid versionId, RejectRequest request, HttpContext http, ReviewService reviews, CancellationToken cancellationToken) =>
        Respond(await reviews.RejectAsync(versionId, request.Reason.Trim(), http.User.Actor(), cancellationToken), versionId);

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> RollbackAsync(
        Guid versionId, HttpContext http, ReviewService reviews, CancellationToken cancellationToken) =>
        Respond(await reviews.RollbackAsync(versionId, http.User.Actor(), cancellationToken), versionId);

    private static Results<Ok<VersionResponse>, ProblemHttpResult> Respond(ReviewResult result, Guid versionId) => result.Outcome switch
    {
        ReviewOutcome.Applied => TypedResults.Ok(VersionResponse.From(result.Version!)),
        ReviewOutcome.StateConflict => ApiProblems.Conflict(result.Message!, ProblemTypes.VersionStateConflict),
        _ => NoVersion(versionId),
    };

    private static ProblemHttpResult NoVersion(Guid versionId) => ApiProblems.NotFound($"There is no version '{versionId}'.");
}
