namespace ExtensibilityHost.Core.Storage;

/// <summary>Where component binaries are stored.</summary>
public enum StorageProvider
{
    /// <summary>Files under <see cref="StorageOptions.FileSystemRoot"/> (the embedded default).</summary>
    FileSystem,

    /// <summary>Azure Blob Storage (production, and several host nodes sharing one store).</summary>
    AzureBlob,
}
