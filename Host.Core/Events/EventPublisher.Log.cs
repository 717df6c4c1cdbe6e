using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Events;

internal sealed partial class EventPublisher
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused event {EventType} {EventId} of tenant {TenantId}: {Reason}")]
    private partial void LogRefused(string eventType, string eventId, string tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event {EventType} {EventId} of tenant {TenantId} vetoed by {ComponentName}: {Reason}")]
    private partial void LogVetoed(string eventType, string eventId, string tenantId, string componentName, string? reason);
}
