using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Endpoints.Components;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Reviews;
using ExtensibilityHost.Core.Versions;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ExtensibilityHost.Api.Endpoints.Reviews;

/// <summary>
/// <c>/api/v1/admin/reviews</c> (admin keys only): the review queue, approve / reject / roll back a
/// version by id, its audit trail, and the shadow run of its recorded inputs. A decision on a
/// version not in the right state — including the loser of two concurrent decisions — is a 409
/// <c>version-state-conflict</c>.
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
        group.MapPost("/{versionId:guid}/shadow-run", ShadowRunAsync);
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

    /// <summary>Approves a pending version; an optional body <c>{reason}</c> goes to the audit trail.</summary>
    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> ApproveAsync(
        Guid versionId, [FromBody] DecisionRequest? request, IValidator<DecisionRequest> validator, HttpContext http, ReviewService reviews,
        CancellationToken cancellationToken) =>
        await InvalidAsync(validator, request, cancellationToken) is { } invalid
            ? invalid
            : Respond(await reviews.ApproveAsync(versionId, http.User.Actor(), cancellationToken, Reason(request)), versionId);

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> RejectAsync(
        Guid versionId, RejectRequest request, HttpContext http, ReviewService reviews, CancellationToken cancellationToken) =>
        Respond(await reviews.RejectAsync(versionId, request.Reason.Trim(), http.User.Actor(), cancellationToken), versionId);

    /// <summary>Rolls back to a superseded version; an optional body <c>{reason}</c> goes to the audit trail.</summary>
    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> RollbackAsync(
        Guid versionId, [FromBody] DecisionRequest? request, IValidator<DecisionRequest> validator, HttpContext http, ReviewService reviews,
        CancellationToken cancellationToken) =>
        await InvalidAsync(validator, request, cancellationToken) is { } invalid
            ? invalid
            : Respond(await reviews.RollbackAsync(versionId, http.User.Actor(), cancellationToken, Reason(request)), versionId);

    /// <summary>
    /// Replays the last recorded inputs of the component's active version against this version and
    /// the active one, without side effects; an optional body <c>{count}</c> (1–50, default 10).
    /// </summary>
    private static async Task<Results<Ok<ShadowRunResponse>, ProblemHttpResult>> ShadowRunAsync(
        Guid versionId, [FromBody] ShadowRunRequest? request, IValidator<ShadowRunRequest> validator, ShadowRunner runner,
        CancellationToken cancellationToken)
    {
        request ??= new ShadowRunRequest();
        if (await InvalidAsync(validator, request, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var run = await runner.RunAsync(versionId, request.Count, cancellationToken);
        return run is null ? NoVersion(versionId) : TypedResults.Ok(ShadowRunResponse.From(run));
    }

    private static string? Reason(DecisionRequest? request) => string.IsNullOrWhiteSpace(request?.Reason) ? null : request.Reason.Trim();

    /// <summary>The 400 of an optional body that fails its validator, or null when it is absent or valid.</summary>
    private static async Task<ProblemHttpResult?> InvalidAsync<T>(IValidator<T> validator, T? body, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return null;
        }

        var result = await validator.ValidateAsync(body, cancellationToken);
        return result.IsValid
            ? null
            : ApiProblems.Validation("One or more fields are not valid; see 'errors'.", result.Errors
                .GroupBy(e => char.ToLowerInvariant(e.PropertyName[0]) + e.PropertyName[1..])
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
    }

    private static Results<Ok<VersionResponse>, ProblemHttpResult> Respond(ReviewResult result, Guid versionId) => result.Outcome switch
    {
        ReviewOutcome.Applied => TypedResults.Ok(VersionResponse.From(result.Version!)),
        ReviewOutcome.StateConflict => ApiProblems.Conflict(result.Message!, ProblemTypes.VersionStateConflict),
        _ => NoVersion(versionId),
    };

    private static ProblemHttpResult NoVersion(Guid versionId) => ApiProblems.NotFound($"There is no version '{versionId}'.");
}
