namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>Builds <c>saas:extensibility/types.event</c> values.</summary>
internal static class Events
{
    public static ComponentValue Sample(string eventType = "order.placed", string payload = """{"orderId":42}""", string tenant = "acme") =>
        ComponentValue.Record(
        [
            new("id", ComponentValue.String("evt-1")),
            new("event-type", ComponentValue.String(eventType)),
            new("tenant-id", ComponentValue.String(tenant)),
            new("occurred-at", ComponentValue.U64(1_764_000_000_000)),
            new("payload", ComponentValue.String(payload)),
        ]);
}
