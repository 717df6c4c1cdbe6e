using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.ExtensionPoints;

internal sealed partial class ExtensionPoints
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Extension point {Point} of tenant {TenantId} failed open with its default: {Status} ({Outcome}) {Error}")]
    private partial void LogFailedOpen(string point, string tenantId, ExtensionCallStatus status, InvocationOutcome? outcome, string? error);
}
