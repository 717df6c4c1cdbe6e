using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Invocations.Running;

/// <summary>
/// A version's compiled component: from memory, else its artifact on disk, else its blob compiled
/// (<see cref="CompiledComponentCache"/>). A blob that is missing or corrupt is an infrastructure
/// fault, not tenant code's: it throws.
/// </summary>
internal sealed partial class CompiledVersionLoader(CompiledComponentCache cache, IComponentStore store, ILogger<CompiledVersionLoader> logger)
{
    /// <exception cref="InvalidOperationException">The version's binary is missing from blob storage.</exception>
    /// <exception cref="ComponentBlobCorruptedException">The version's binary is corrupt.</exception>
    public Task<CompiledComponent> LoadAsync(string tenantId, string componentName, ActiveVersion version, CancellationToken cancellationToken) =>
        cache.GetOrCompileAsync(version.Sha256, async ct =>
        {
            var bytes = await store.ReadAsync(tenantId, version.Sha256, ct);
            if (bytes is null)
            {
                LogBlobMissing(tenantId, componentName, version.Number, version.Sha256);
                throw new InvalidOperationException(
                    $"The binary of {tenantId}/{componentName} version {version.Number} ({version.Sha256}) is missing from blob storage.");
            }

            return bytes;
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "The binary of {TenantId}/{ComponentName} version {VersionNumber} ({Sha256}) is missing from blob storage")]
    private partial void LogBlobMissing(string tenantId, string componentName, int versionNumber, string sha256);
}
