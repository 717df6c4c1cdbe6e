using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Storage;

/// <summary>Checks the options of the configured provider, so a typo fails start-up instead of the first upload.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        List<string> failures = [];
        switch (options.Provider)
        {
            case StorageProvider.FileSystem:
                if (string.IsNullOrWhiteSpace(options.FileSystemRoot))
                {
                    failures.Add($"{StorageOptions.SectionName}:FileSystemRoot must not be empty.");
                }

                break;
            case StorageProvider.AzureBlob:
                if (string.IsNullOrWhiteSpace(options.AzureConnectionString))
                {
                    failures.Add($"{StorageOptions.SectionName}:AzureConnectionString is required for the AzureBlob provider.");
                }
                else if (!IsConnectionString(options.AzureConnectionString))
                {
                    failures.Add($"{StorageOptions.SectionName}:AzureConnectionString is not a storage account connection string.");
                }

                if (!IsContainerName(options.AzureContainer))
                {
                    failures.Add($"{StorageOptions.SectionName}:AzureContainer '{options.AzureContainer}' is not a container name (3-63 of a-z, 0-9 and single hyphens, starting and ending with a letter or digit).");
                }

                break;
            default:
                failures.Add($"{StorageOptions.SectionName}:Provider must be FileSystem or AzureBlob.");
                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Azure's container naming rules.</summary>
    internal static bool IsContainerName(string? value) =>
        value is { Length: >= 3 and <= 63 }
        && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'z' or '-')
        && value[0] != '-'
        && value[^1] != '-'
        && !value.Contains("--", StringComparison.Ordinal);

    private static bool IsConnectionString(string value)
    {
        // The SDK's parser is internal; constructing a client parses the string without any I/O.
        try
        {
            _ = new BlobServiceClient(value);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}
