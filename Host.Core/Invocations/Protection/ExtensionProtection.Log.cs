using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Invocations.Protection;

public sealed partial class ExtensionProtection
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} re-enabled {TenantId}/{ComponentName} version {VersionNumber}")]
    private partial void LogReenabled(string tenantId, string componentName, int versionNumber, string actor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} kill switch set to disabled={Disabled}")]
    private partial void LogTenantSwitch(string tenantId, bool disabled);

    [LoggerMessage(Level = LogLevel.Information, Message = "Component {TenantId}/{ComponentName} kill switch set to disabled={Disabled}")]
    private partial void LogComponentSwitch(string tenantId, string componentName, bool disabled);
}
