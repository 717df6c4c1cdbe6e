using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Versions;

public sealed partial class ComponentUploader
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} uploaded {Component} v{Number} ({Sha256}, {SizeBytes} bytes), pending review")]
    private partial void LogUploaded(string tenantId, string component, int number, string sha256, long sizeBytes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tenant {TenantId} re-uploaded {Component} v{Number} ({Sha256}); nothing written")]
    private partial void LogAlreadyUploaded(string tenantId, string component, int number, string sha256);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an upload of {Component} by tenant {TenantId}: {Code}")]
    private partial void LogRefused(string tenantId, string component, string code);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Insert of a version of {Component} (tenant {TenantId}) lost a race, attempt {Attempt}: {Reason}")]
    private partial void LogInsertRetried(string tenantId, string component, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob {Sha256} of tenant {TenantId} vanished during its upload (swept as an orphan); stored again")]
    private partial void LogBlobRestored(string tenantId, string sha256);
}
