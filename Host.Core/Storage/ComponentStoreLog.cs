using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Storage;

/// <summary>What every <see cref="IComponentStore"/> logs about its blobs, in each store's own category.</summary>
internal static partial class ComponentStoreLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Stored component blob {BlobName} ({SizeBytes} bytes)")]
    public static partial void Created(ILogger logger, ComponentBlobName blobName, long sizeBytes);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Component blob {BlobName} was already stored")]
    public static partial void AlreadyExists(ILogger logger, ComponentBlobName blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused to store component blob {BlobName}: the content hashes to {ContentSha256}")]
    public static partial void HashMismatch(ILogger logger, ComponentBlobName blobName, string contentSha256);

    [LoggerMessage(Level = LogLevel.Error, Message = "Component blob {BlobName} is corrupt: its content hashes to {ActualSha256}")]
    public static partial void Corrupt(ILogger logger, ComponentBlobName blobName, string actualSha256);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted component blob {BlobName}")]
    public static partial void Deleted(ILogger logger, ComponentBlobName blobName);
}
