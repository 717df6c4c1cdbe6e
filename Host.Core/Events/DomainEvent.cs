using Mediator;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// A domain event raised by the SaaS application for one tenant, routed to that tenant's
/// subscriptions. Publish it with <see cref="IPublisher"/>, after which the outcome is on
/// <see cref="Result"/>, or with <see cref="IEventPublisher"/>, which returns the outcome and leaves
/// the event as it was.
/// </summary>
/// <remarks>
/// Applications instantiate this record or derive their own from it in any assembly, e.g.
/// <c>public sealed record OrderPlaced(string TenantId, string Payload) : DomainEvent(TenantId, "order.placed", Payload);</c>.
/// Host.Core's mediator is generated when Host.Core compiles and so knows no application type;
/// it routes every instance of a type derived from <see cref="DomainEvent"/> to its one
/// <see cref="DomainEvent"/> handler. Notifications that do not derive from it are not delivered to tenants.
/// </remarks>
/// <param name="TenantId">The tenant whose subscriptions receive the event.</param>
/// <param name="EventType">
/// The event type: dot-separated lowercase segments, at least two (see <see cref="EventTypeName"/>), e.g. <c>order.placed</c>.
/// </param>
/// <param name="Payload">The event body as JSON text.</param>
public record DomainEvent(string TenantId, string EventType, string Payload) : INotification
{
    /// <summary>The deepest chain of events the host accepts; an event deeper than this is refused.</summary>
    public const int MaxDepth = 8;

    /// <summary>The longest <see cref="CorrelationId"/> the host accepts (the outbox keeps it for async delivery).</summary>
    public const int MaxCorrelationIdLength = 200;

    /// <summary>Unique id of the event, sent to every handler on every attempt so tenant code can de-duplicate. A new UUIDv7 unless set.</summary>
    public string EventId { get; init; } = Guid.CreateVersion7().ToString();

    /// <summary>When it happened.</summary>
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>
    /// 0 for an event the application raises on its own; one more than the event it was reacting to
    /// for an event raised while handling another (use <see cref="FollowUp"/>). Above <see cref="MaxDepth"/> it is refused,
    /// so two extensions cannot keep each other busy forever.
    /// </summary>
    public int Depth { get; init; }

    /// <summary>
    /// Groups the events of one operation (1.1 handlers see it in the event's <c>metadata</c>): the
    /// application's own id for the operation (a request or trace id), or null for this event's
    /// <see cref="EventId"/>. A <see cref="FollowUp"/> keeps the correlation id of its cause. Sync
    /// and async (outbox) handlers get the same one. At most <see cref="MaxCorrelationIdLength"/>
    /// visible ASCII characters (see <see cref="IsValidCorrelationId"/>).
    /// </summary>
    public string? CorrelationId { get; init; }

    /// <summary>
    /// What the tenant's subscriptions made of the event: set when it has been published through the
    /// mediator (<see cref="IPublisher"/>), null before.
    /// A copy made with <c>with</c> carries the original's result until it is published itself.
    /// </summary>
    public EventPublishResult? Result { get; internal set; }

    /// <summary>
    /// Whether <paramref name="correlationId"/> may be an event's <see cref="CorrelationId"/>: 1 to
    /// <see cref="MaxCorrelationIdLength"/> visible ASCII characters (<c>!</c> to <c>~</c>; no spaces
    /// or control characters), which covers request ids, UUIDs and W3C trace ids and cannot break
    /// a log line or a header a handler copies it into.
    /// </summary>
    /// <param name="correlationId">The candidate.</param>
    public static bool IsValidCorrelationId(string correlationId)
    {
        ArgumentNullException.ThrowIfNull(correlationId);
        if (correlationId.Length is 0 or > MaxCorrelationIdLength)
        {
            return false;
        }

        foreach (var c in correlationId)
        {
            if (c is < '!' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// An event the application raises in reaction to this one (for example to tenant output): same
    /// tenant, a new id, one level deeper. Use it rather than <c>with</c>, which would keep the id.
    /// </summary>
    /// <param name="eventType">The new event's type.</param>
    /// <param name="payload">The new event's JSON body.</param>
    public DomainEvent FollowUp(string eventType, string payload) =>
        new(TenantId, eventType, payload) { Depth = Depth + 1, CorrelationId = CorrelationId ?? EventId };
}
