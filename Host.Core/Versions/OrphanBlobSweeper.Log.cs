using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Versions;

public sealed partial class OrphanBlobSweeper
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted orphaned component blob {BlobName} ({SizeBytes} bytes, stored {CreatedAt}): no version refers to it")]
    private partial void LogDeleted(string blobName, long sizeBytes, DateTimeOffset createdAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Kept component blob {BlobName}: an upload referred to it while it was being swept")]
    private partial void LogKept(string blobName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Orphan sweep deleted {Deleted} temporary file(s) of crashed puts last written before {Cutoff:O}")]
    private partial void LogTemporariesDeleted(int deleted, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Orphan sweep deleted {Deleted} blob(s)")]
    private partial void LogPass(int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Orphan sweep failed; the next pass retries")]
    private partial void LogPassFailed(Exception exception);
}
