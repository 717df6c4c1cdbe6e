using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

// Origins only: a URL's path and query, the headers and the bodies may carry the tenant's secrets.
internal sealed partial class OutboundHttpCapability
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbound {Method} {Origin} for {TenantId}/{ComponentName}: {Status} in {ElapsedMs} ms")]
    private partial void LogSent(string tenantId, string componentName, string method, OutboundOrigin origin, int status, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbound {Method} {Origin} for {TenantId}/{ComponentName}: {Error} after {ElapsedMs} ms")]
    private partial void LogFailed(string tenantId, string componentName, string method, OutboundOrigin origin, FetchErrorKind error, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbound {Method} {Origin} for {TenantId}/{ComponentName} refused before connecting: {Error}")]
    private partial void LogRefused(string tenantId, string componentName, string method, OutboundOrigin origin, FetchErrorKind error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbound request of {TenantId}/{ComponentName} refused before connecting: invalid-request")]
    private partial void LogInvalid(string tenantId, string componentName);
}
