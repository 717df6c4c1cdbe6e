using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Invocations;

internal sealed partial class ExtensionRunner
{
    [LoggerMessage(Level = LogLevel.Error, Message = "The binary of {TenantId}/{ComponentName} version {VersionNumber} ({Sha256}) is missing from blob storage")]
    private partial void LogBlobMissing(string tenantId, string componentName, int versionNumber, string sha256);
}
