using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.Invocations;

/// <summary>
/// <c>GET /api/v1/tenants/{tenant}/invocations</c>: the invocation log, newest first, with filters and
/// paging; <c>…/invocations/{id}</c>: one invocation, with its recorded input and output (what
/// <c>ext replay</c> runs again).
/// </summary>
internal static class InvocationEndpoints
{
    public static IEndpointRouteBuilder MapInvocationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenants/{tenant}/invocations")
            .WithTags("Invocations")
            .RequireAuthorization(ApiKeyDefaults.CallerPolicy)
            .AddEndpointFilter<TenantAccessFilter>();
        group.MapGet("/", ListAsync);
        group.MapGet("/{invocationId:guid}", GetAsync);
        return app;
    }

    private static async Task<Results<Ok<InvocationResponse>, ProblemHttpResult>> GetAsync(
        string tenant, Guid invocationId, InvocationLogReader log, CancellationToken cancellationToken) =>
        await log.FindAsync(tenant, invocationId, cancellationToken) is { } record
            ? TypedResults.Ok(InvocationResponse.From(record))
            : ApiProblems.NotFound($"Tenant '{tenant}' has no invocation '{invocationId}'.");

    private static async Task<Results<Ok<InvocationPageResponse>, ProblemHttpResult>> ListAsync(
        string tenant, string? component, string? outcome, string? eventId, Guid? versionId, DateTime? from, DateTime? to,
        int? offset, int? limit, InvocationLogReader log, CancellationToken cancellationToken)
    {
        Dictionary<string, string[]> errors = [];
        if (outcome is not null && !WireNames.TryParseOutcome(outcome, out _))
        {
            errors["outcome"] = ["Use ok, guest-error, timeout, out-of-fuel, out-of-memory, trap or host-error."];
        }

        if (limit is < 1 or > InvocationQuery.MaxLimit)
        {
            errors["limit"] = [$"'limit' is between 1 and {InvocationQuery.MaxLimit}."];
        }

        if (offset is < 0)
        {
            errors["offset"] = ["'offset' is not negative."];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Validation("The query is not valid; see 'errors'.", errors);
        }

        var page = await log.QueryAsync(tenant, new InvocationQuery
        {
            Component = component,
            Outcome = outcome,
            EventId = eventId,
            VersionId = versionId,
            From = from?.ToUniversalTime(),
            To = to?.ToUniversalTime(),
            Offset = offset ?? 0,
            Limit = limit ?? 50,
        }, cancellationToken);
        return TypedResults.Ok(new InvocationPageResponse([.. page.Items.Select(InvocationResponse.From)], page.NextOffset));
    }
}
