using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

public sealed partial class OutboundOriginsEditor
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Actor} changed the outbound origins of {TenantId}/{ComponentName}: added [{Added}], removed [{Removed}]; {Count} allowed")]
    private partial void LogReplaced(string actor, string tenantId, string componentName, IReadOnlyList<string> added, IReadOnlyList<string> removed, int count);
}
