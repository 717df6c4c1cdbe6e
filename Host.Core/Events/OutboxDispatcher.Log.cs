using ExtensibilityHost.Core.Invocations;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Events;

internal sealed partial class OutboxDispatcher
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher {DispatcherId} started")]
    private partial void LogStarted(string dispatcherId);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox dispatch pass failed; trying again after the poll interval")]
    private partial void LogPassFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} faulted in the host")]
    private partial void LogDeliveryFaulted(Guid deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivered {DeliveryId} ({EventType} {EventId} of tenant {TenantId}) to {ComponentName} on attempt {Attempts}")]
    private partial void LogDelivered(Guid deliveryId, string eventType, string eventId, string tenantId, string componentName, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} failed on attempt {Attempts}; next attempt at {NextAttemptAt:O}: {Error}")]
    private partial void LogRetrying(Guid deliveryId, int attempts, DateTime nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} parked: {ComponentName} was not run ({Status}); no attempt counted, next look at {NextAttemptAt:O}: {Reason}")]
    private partial void LogParked(Guid deliveryId, string componentName, ExtensionCallStatus status, DateTime nextAttemptAt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered {DeliveryId} ({EventType} {EventId} of tenant {TenantId}) for {ComponentName} after {Attempts} attempts: {Error}")]
    private partial void LogDeadLettered(Guid deliveryId, string eventType, string eventId, string tenantId, string componentName, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of delivery {DeliveryId} (lease {Lease}) could not be recorded; it runs again once the lease runs out")]
    private partial void LogOutcomeNotRecorded(Guid deliveryId, string lease, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery {DeliveryId} could not be started; it is claimed again once its lease runs out")]
    private partial void LogStartFailed(Guid deliveryId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Delivery {DeliveryId} waited in its batch beyond lease {Lease} and another dispatcher took it; not run here")]
    private partial void LogLeaseLostBeforeStart(Guid deliveryId, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {DeliveryId} outlived its lease {Lease}; another dispatcher owns it now and records its outcome")]
    private partial void LogLeaseLost(Guid deliveryId, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Lost} of {Count} deliveries of lease {Lease} outlived it; another dispatcher owns them now and records their outcome")]
    private partial void LogSomeLeasesLost(int lost, int count, string lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outcome of {Count} deliveries could not be recorded together; recording them one at a time")]
    private partial void LogGroupOutcomeRetried(int count, Exception exception);
}
