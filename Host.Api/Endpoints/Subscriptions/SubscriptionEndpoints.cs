using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.Subscriptions;

/// <summary><c>/api/v1/tenants/{tenant}/subscriptions</c>: which component handles which event type, sync or async.</summary>
internal static class SubscriptionEndpoints
{
    public static IEndpointRouteBuilder MapSubscriptionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenants/{tenant}/subscriptions")
            .WithTags("Subscriptions")
            .RequireAuthorization(ApiKeyDefaults.CallerPolicy)
            .AddEndpointFilter<TenantAccessFilter>();
        group.MapPut("/{eventType}", UpsertAsync).Validate<SubscribeRequest>();
        group.MapGet("/", ListAsync);
        group.MapDelete("/{eventType}/{component}", DeleteAsync);
        return app;
    }

    private static async Task<Results<Created<SubscriptionResponse>, Ok<SubscriptionResponse>, ProblemHttpResult>> UpsertAsync(
        string tenant, string eventType, SubscribeRequest request, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var result = await subscriptions.UpsertAsync(new UpsertSubscription
        {
            TenantId = tenant,
            EventType = eventType,
            Component = request.Component,
            Mode = request.Mode,
            Rank = request.Rank,
            OnFailure = request.OnFailure,
        }, cancellationToken);
        return result.Status switch
        {
            SubscriptionUpsertStatus.Created => TypedResults.Created(
                $"/api/v1/tenants/{tenant}/subscriptions/{eventType}", SubscriptionResponse.From(result.Subscription!)),
            SubscriptionUpsertStatus.Updated => TypedResults.Ok(SubscriptionResponse.From(result.Subscription!)),
            _ => ApiProblems.Validation("The subscription is not valid; see 'errors'.", result.Errors.ToDictionary()),
        };
    }

    private static async Task<Ok<List<SubscriptionResponse>>> ListAsync(
        string tenant, string? eventType, SubscriptionService subscriptions, CancellationToken cancellationToken)
    {
        var all = await subscriptions.ListAsync(tenant, eventType, cancellationToken);
        return TypedResults.Ok(all.ConvertAll(SubscriptionResponse.From));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string tenant, string eventType, string component, SubscriptionService subscriptions, CancellationToken cancellationToken) =>
        await subscriptions.DeleteAsync(tenant, eventType, component, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"Component '{component}' is not subscribed to '{eventType}'.");
}
