using ExtensibilityHost.Core.Events;

namespace ExtensibilityHost.Api.Endpoints.Deliveries;

/// <summary>
/// An async delivery of an event to one subscription. <c>CorrelationId</c> is what a 1.1 handler
/// sees in the event's metadata: the publisher's, else the event id.
/// </summary>
internal sealed record DeliveryResponse(
    Guid Id, string EventId, string EventType, string Component, string Status, int Attempts, int Replays,
    DateTime NextAttemptAt, string? LastError, DateTime CreatedAt, DateTime? CompletedAt, string CorrelationId, int Depth)
{
    public static DeliveryResponse From(OutboxDelivery d) => new(
        d.Id, d.EventId, d.EventType, d.ComponentName, StatusName(d.Status), d.Attempts, d.Replays,
        d.NextAttemptAt, d.LastError, d.CreatedAt, d.CompletedAt, d.CorrelationId ?? d.EventId, d.Depth);

    public static string StatusName(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "pending",
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.DeadLettered => "dead-lettered",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParseStatus(string name, out DeliveryStatus status)
    {
        foreach (var candidate in Enum.GetValues<DeliveryStatus>())
        {
            if (StatusName(candidate) == name)
            {
                status = candidate;
                return true;
            }
        }

        status = default;
        return false;
    }
}
