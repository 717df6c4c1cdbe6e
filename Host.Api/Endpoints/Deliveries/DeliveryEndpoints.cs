using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.Deliveries;

/// <summary><c>/api/v1/tenants/{tenant}/deliveries</c>: the async outbox of a tenant, and replay of dead letters.</summary>
internal static class DeliveryEndpoints
{
    public static IEndpointRouteBuilder MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenants/{tenant}/deliveries")
            .WithTags("Deliveries")
            .RequireAuthorization(ApiKeyDefaults.CallerPolicy)
            .AddEndpointFilter<TenantAccessFilter>();
        group.MapGet("/", ListAsync);
        group.MapGet("/{deliveryId:guid}", GetAsync);
        group.MapPost("/{deliveryId:guid}/replay", ReplayAsync);
        group.MapPost("/replay", ReplayDeadLettersAsync);
        return app;
    }

    private static async Task<Results<Ok<List<DeliveryResponse>>, ProblemHttpResult>> ListAsync(
        string tenant, string? status, int? limit, DeliveryService deliveries, CancellationToken cancellationToken)
    {
        DeliveryStatus? filter = null;
        if (status is not null)
        {
            if (!DeliveryResponse.TryParseStatus(status, out var parsed))
            {
                return ApiProblems.Validation($"'{status}' is not a delivery status.",
                    new Dictionary<string, string[]> { ["status"] = ["Use pending, delivered or dead-lettered."] });
            }

            filter = parsed;
        }

        var list = await deliveries.ListAsync(tenant, filter, Math.Clamp(limit ?? 100, 1, DeliveryService.MaxListSize), cancellationToken);
        return TypedResults.Ok(list.ConvertAll(DeliveryResponse.From));
    }

    private static async Task<Results<Ok<DeliveryResponse>, ProblemHttpResult>> GetAsync(
        string tenant, Guid deliveryId, DeliveryService deliveries, CancellationToken cancellationToken) =>
        await deliveries.FindAsync(tenant, deliveryId, cancellationToken) is { } delivery
            ? TypedResults.Ok(DeliveryResponse.From(delivery))
            : ApiProblems.NotFound($"There is no delivery {deliveryId}.");

    private static async Task<Results<Ok<DeliveryResponse>, ProblemHttpResult>> ReplayAsync(
        string tenant, Guid deliveryId, DeliveryService deliveries, CancellationToken cancellationToken)
    {
        var status = await deliveries.ReplayAsync(tenant, deliveryId, cancellationToken);
        return status switch
        {
            DeliveryReplayStatus.Replayed => TypedResults.Ok(DeliveryResponse.From((await deliveries.FindAsync(tenant, deliveryId, cancellationToken))!)),
            DeliveryReplayStatus.NotFound => ApiProblems.NotFound($"There is no delivery {deliveryId}."),
            _ => ApiProblems.Conflict($"Delivery {deliveryId} is not dead-lettered; only dead letters can be replayed."),
        };
    }

    private static async Task<Ok<ReplayedResponse>> ReplayDeadLettersAsync(
        string tenant, string? eventType, DeliveryService deliveries, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ReplayedResponse(await deliveries.ReplayDeadLettersAsync(tenant, eventType, cancellationToken)));
}
