using ExtensibilityHost.Core;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Storage.AzureBlob;
using ExtensibilityHost.Core.Storage.FileSystem;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the blob storage of component binaries (<see cref="IComponentStore"/>).</summary>
public static class ComponentStorageBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="StorageOptions"/> (section <c>ExtensibilityHost:Storage</c>, validated at
    /// start-up; the file-system root defaults to <c>{data dir}/blobs</c>) and the
    /// <see cref="IComponentStore"/> of the configured provider (replaceable: registered with TryAdd).
    /// <c>AddExtensibilityHost</c> calls this.
    /// </summary>
    public static ExtensibilityHostBuilder AddComponentStorage(this ExtensibilityHostBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);

        builder.Services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .PostConfigure(options => options.FileSystemRoot ??= Path.Combine(ServiceCollectionExtensions.DataDirectory(configuration), "blobs"))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        builder.Services.TryAddSingleton(CreateStore);
        return builder;
    }

    /// <summary>
    /// Stores component binaries in Azure Blob Storage instead of the file system; the connection
    /// string and container come from configuration unless <paramref name="configure"/> sets them.
    /// </summary>
    public static ExtensibilityHostBuilder AddAzureBlobStorage(this ExtensibilityHostBuilder builder, Action<StorageOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<StorageOptions>(options =>
        {
            options.Provider = StorageProvider.AzureBlob;
            configure?.Invoke(options);
        });
        return builder;
    }

    private static IComponentStore CreateStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        return options.Provider switch
        {
            StorageProvider.AzureBlob => new AzureBlobComponentStore(options, services.GetRequiredService<ILogger<AzureBlobComponentStore>>()),
            _ => new FileSystemComponentStore(options.FileSystemRoot!, services.GetRequiredService<ILogger<FileSystemComponentStore>>()),
        };
    }
}
