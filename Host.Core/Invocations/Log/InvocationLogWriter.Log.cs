using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Invocations.Log;

internal sealed partial class InvocationLogWriter
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Suspended {TenantId}/{ComponentName} version {VersionNumber} after repeated failures; the last was {Outcome}")]
    private partial void LogSuspended(string tenantId, string componentName, int? versionNumber, string outcome);
}
