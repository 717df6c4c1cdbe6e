namespace ExtensibilityHost.Core.Storage;

/// <summary>Blob storage of component binaries (section <c>ExtensibilityHost:Storage</c>). Validated at start-up.</summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:Storage";

    /// <summary>The container used when none is configured.</summary>
    public const string DefaultAzureContainer = "components";

    /// <summary>Which store.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.FileSystem;

    /// <summary>The root folder of the file-system store; defaults to <c>{data dir}/blobs</c>.</summary>
    public string? FileSystemRoot { get; set; }

    /// <summary>
    /// The storage account's connection string; required for <see cref="StorageProvider.AzureBlob"/>
    /// (<c>UseDevelopmentStorage=true</c> for a local Azurite).
    /// </summary>
    public string? AzureConnectionString { get; set; }

    /// <summary>The blob container, created when missing.</summary>
    public string AzureContainer { get; set; } = DefaultAzureContainer;
}
