using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Storage.FileSystem;

internal sealed partial class FileSystemComponentStore
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Stored component blob {BlobName} ({SizeBytes} bytes)")]
    private partial void LogCreated(ComponentBlobName blobName, long sizeBytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Component blob {BlobName} was already stored")]
    private partial void LogAlreadyExists(ComponentBlobName blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to store component blob {BlobName}: the content hashes to {ContentSha256}")]
    private partial void LogHashMismatch(ComponentBlobName blobName, string contentSha256);

    [LoggerMessage(Level = LogLevel.Error, Message = "Component blob {BlobName} is corrupt: its content hashes to {ActualSha256}")]
    private partial void LogCorrupt(ComponentBlobName blobName, string actualSha256);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted component blob {BlobName}")]
    private partial void LogDeleted(ComponentBlobName blobName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the stale temporary {Path}, last written at {LastWrittenAt:O}")]
    private partial void LogTemporaryDeleted(string path, DateTimeOffset lastWrittenAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the stale temporary {Path}; the next sweep tries again")]
    private partial void LogTemporaryNotDeleted(string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Component blob store {Root} is not writable")]
    private partial void LogUnhealthy(string root, Exception exception);
}
