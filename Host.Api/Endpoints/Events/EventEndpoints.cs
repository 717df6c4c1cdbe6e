using System.Text.Json;
using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Events;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.Events;

/// <summary>
/// <c>POST /api/v1/tenants/{tenant}/events</c>: the application publishes a domain event over HTTP
/// (the same path as <c>IPublisher.Publish</c> in-process). The answer says whether a sync
/// handler vetoed it, the final payload after replacements, and the async delivery ids.
/// </summary>
internal static class EventEndpoints
{
    public static IEndpointRouteBuilder MapEventEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenants/{tenant}/events")
            .WithTags("Events")
            .RequireAuthorization(ApiKeyDefaults.CallerPolicy)
            .AddEndpointFilter<TenantAccessFilter>();
        group.MapPost("/", PublishAsync).Validate<PublishEventRequest>();
        return app;
    }

    private static async Task<Results<Ok<EventPublishedResponse>, ProblemHttpResult>> PublishAsync(
        string tenant, PublishEventRequest request, IEventPublisher publisher, CancellationToken cancellationToken)
    {
        var domainEvent = new DomainEvent(tenant, request.EventType, request.Payload.GetRawText()) { CorrelationId = request.CorrelationId };
        if (request.EventId is { } eventId)
        {
            domainEvent = domainEvent with { EventId = eventId };
        }

        var result = await publisher.PublishAsync(domainEvent, cancellationToken);
        if (result.Status == EventPublishStatus.Refused)
        {
            return ApiProblems.Validation(result.Reason ?? "The event was refused.",
                new Dictionary<string, string[]> { ["event"] = [result.Reason ?? "refused"] });
        }

        return TypedResults.Ok(new EventPublishedResponse(
            result.EventId,
            result.Status == EventPublishStatus.Vetoed ? "vetoed" : "proceeded",
            result.Vetoed,
            result.Reason,
            result.VetoedBy,
            ParseOrText(result.Payload),
            [.. result.Decisions.Select(d => new EventDecisionResponse(
                d.ComponentName, d.Decision.ToString().ToLowerInvariant(), d.Reason, d.Outcome, d.InvocationId, d.StoppedTheOperation))],
            result.DeliveryIds));
    }

    private static JsonElement ParseOrText(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(payload);
        }
    }
}
