using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Invocations.Log;

internal sealed partial class InvocationLogWriter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Suspended {TenantId}/{ComponentName} version {VersionNumber} after repeated failures; the last was {Outcome}")]
    private partial void LogSuspended(string tenantId, string componentName, int? versionNumber, string outcome);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not write {Count} invocation records after retrying; they are lost (their calls' results were already returned)")]
    private partial void LogBatchFailed(int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} queued invocation records were not written: {Reason}")]
    private partial void LogLost(long count, string reason);
}
