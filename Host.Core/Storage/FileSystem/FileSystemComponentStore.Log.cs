using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Storage.FileSystem;

internal sealed partial class FileSystemComponentStore
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted the stale temporary {Path}, last written at {LastWrittenAt:O}")]
    private partial void LogTemporaryDeleted(string path, DateTimeOffset lastWrittenAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the stale temporary {Path}; the next sweep tries again")]
    private partial void LogTemporaryNotDeleted(string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Component blob store {Root} is not writable")]
    private partial void LogUnhealthy(string root, Exception exception);
}
