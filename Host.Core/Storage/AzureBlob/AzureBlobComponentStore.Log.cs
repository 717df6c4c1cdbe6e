using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Storage.AzureBlob;

internal sealed partial class AzureBlobComponentStore
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Created blob container {Container}")]
    private partial void LogContainerCreated(string container);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Blob container {Container} is unreachable")]
    private partial void LogUnhealthy(string container, Exception exception);
}
