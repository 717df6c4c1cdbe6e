using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ExtensibilityHost.Core.Runtime;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Storage.AzureBlob;

/// <summary>
/// Component binaries as block blobs <c>{tenant}/{sha256}.wasm</c> in one Azure Blob Storage
/// container, which several host nodes share.
/// </summary>
/// <remarks>
/// A put is one upload with <c>If-None-Match: *</c>: the service creates the blob only if the
/// name is free and answers 409 <c>BlobAlreadyExists</c> otherwise, so concurrent puts of the
/// same hash from any number of nodes create it exactly once. The SHA-256 is also stored in the
/// blob's metadata (<c>sha256</c>) for operators; reads trust neither it nor the name and hash
/// the downloaded content.
/// </remarks>
internal sealed partial class AzureBlobComponentStore : IComponentStore
{
    /// <summary>The metadata key holding the blob's SHA-256.</summary>
    public const string Sha256MetadataKey = "sha256";

    private readonly BlobContainerClient _container;
    private readonly ILogger<AzureBlobComponentStore> _logger;
    private int _containerEnsured;

    public AzureBlobComponentStore(StorageOptions options, ILogger<AzureBlobComponentStore> logger)
        : this(ContainerOf(options), logger)
    {
    }

    internal AzureBlobComponentStore(BlobContainerClient container, ILogger<AzureBlobComponentStore> logger)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentNullException.ThrowIfNull(logger);
        _container = container;
        _logger = logger;
    }

    /// <summary>
    /// The client options of the production store. The service version is pinned below the
    /// SDK's own (2026-10-06) to 2026-06-06, the newest Azurite 3.37 accepts: Azure serves
    /// older versions indefinitely, so one pinned version works in production and against the
    /// emulator, and the production client never depends on Azurite's <c>--skipApiVersionCheck</c>.
    /// Raise it together with the Azurite version in tests/tools.
    /// </summary>
    internal static BlobClientOptions ClientOptions() => new(BlobClientOptions.ServiceVersion.V2026_06_06);

    private static BlobContainerClient ContainerOf(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new BlobServiceClient(options.AzureConnectionString, ClientOptions()).GetBlobContainerClient(options.AzureContainer);
    }

    public Task<ComponentPutResult> PutAsync(string tenantId, string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default) =>
        PutCoreAsync(ComponentBlobName.Of(tenantId, sha256), content, cancellationToken);

    public async Task<ComponentPutResult> PutAsync(string tenantId, string sha256, Stream content, CancellationToken cancellationToken = default)
    {
        var name = ComponentBlobName.Of(tenantId, sha256);
        ArgumentNullException.ThrowIfNull(content);

        // The content must be hashed before the upload commits it, and a single conditional
        // upload needs it whole: buffered (uploads are size-limited before they reach the store).
        using var buffer = content.CanSeek ? new MemoryStream(checked((int)Math.Max(0, content.Length - content.Position))) : new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        return await PutCoreAsync(name, buffer.GetBuffer().AsMemory(0, checked((int)buffer.Length)), cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string tenantId, string sha256, CancellationToken cancellationToken = default)
    {
        var name = ComponentBlobName.Of(tenantId, sha256);
        var blob = _container.GetBlobClient(name.ToString());
        byte[] content;
        string? recorded;
        try
        {
            using var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value;
            content = new byte[checked((int)download.Details.ContentLength)];
            await download.Content.ReadExactlyAsync(content, cancellationToken);
            recorded = download.Details.Metadata.TryGetValue(Sha256MetadataKey, out var value) ? value : null;
        }
        catch (RequestFailedException exception) when (IsNotFound(exception))
        {
            return null;
        }

        var actual = ComponentHash.Of(content);
        if (!string.Equals(actual, name.Sha256, StringComparison.Ordinal)
            || (recorded is not null && !string.Equals(recorded, name.Sha256, StringComparison.Ordinal)))
        {
            ComponentStoreLog.Corrupt(_logger, name, actual);
            throw new ComponentBlobCorruptedException(name.ToString(), actual);
        }

        return content;
    }

    public async Task<bool> ExistsAsync(string tenantId, string sha256, CancellationToken cancellationToken = default)
    {
        var name = ComponentBlobName.Of(tenantId, sha256);
        try
        {
            return (await _container.GetBlobClient(name.ToString()).ExistsAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (IsNotFound(exception))
        {
            return false;
        }
    }

    // A put is a single upload: the service commits the blob whole or not at all, leaving no temporary.
    public Task<int> DeleteStaleTemporariesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default) =>
        Task.FromResult(0);

    public async Task<bool> DeleteAsync(string tenantId, string sha256, CancellationToken cancellationToken = default)
    {
        var name = ComponentBlobName.Of(tenantId, sha256);
        bool deleted;
        try
        {
            deleted = (await _container.GetBlobClient(name.ToString())
                .DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException exception) when (IsNotFound(exception))
        {
            deleted = false;
        }

        if (deleted)
        {
            ComponentStoreLog.Deleted(_logger, name);
        }

        return deleted;
    }

    public IAsyncEnumerable<ComponentBlob> ListAsync(string? tenantId = null, CancellationToken cancellationToken = default)
    {
        if (tenantId is not null)
        {
            TenantId.Require(tenantId);
        }

        return ListCoreAsync(tenantId, cancellationToken);
    }

    public async Task<ComponentStoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await EnsureContainerAsync(cancellationToken);
            await _container.GetPropertiesAsync(cancellationToken: cancellationToken);
            return new ComponentStoreHealth(true, $"Component blobs in container '{_container.Name}' of {_container.AccountName} (reachable).");
        }
        catch (Exception exception) when (exception is RequestFailedException or AggregateException or IOException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The SDK reports a connection refused after its retries as an AggregateException, a timeout as a cancellation.
            LogUnhealthy(_container.Name, exception);
            return new ComponentStoreHealth(false, $"Component blobs in container '{_container.Name}' of {_container.AccountName}: unreachable ({exception.Message}).", exception);
        }
    }

    private async Task<ComponentPutResult> PutCoreAsync(ComponentBlobName name, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var contentSha256 = ComponentHash.Of(content.Span);
        if (!string.Equals(contentSha256, name.Sha256, StringComparison.Ordinal))
        {
            ComponentStoreLog.HashMismatch(_logger, name, contentSha256);
            return ComponentPutResult.Of(ComponentPutStatus.HashMismatch, name, contentSha256, content.Length);
        }

        await EnsureContainerAsync(cancellationToken);
        var blob = _container.GetBlobClient(name.ToString());
        try
        {
            await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
            {
                Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [Sha256MetadataKey] = name.Sha256 },
                HttpHeaders = new BlobHttpHeaders { ContentType = "application/wasm" },
            }, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            await VerifyExistingAsync(blob, name, cancellationToken);
            ComponentStoreLog.AlreadyExists(_logger, name);
            return ComponentPutResult.Of(ComponentPutStatus.AlreadyExists, name, contentSha256, content.Length);
        }

        ComponentStoreLog.Created(_logger, name, content.Length);
        return ComponentPutResult.Of(ComponentPutStatus.Created, name, contentSha256, content.Length);
    }

    /// <summary>An existing blob counts as "already stored" only when it is intact: a corrupt one is reported, never overwritten.</summary>
    private async Task VerifyExistingAsync(BlobClient blob, ComponentBlobName name, CancellationToken cancellationToken)
    {
        string actual;
        using (var download = (await blob.DownloadStreamingAsync(cancellationToken: cancellationToken)).Value)
        {
            actual = Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(download.Content, cancellationToken));
        }

        if (!string.Equals(actual, name.Sha256, StringComparison.Ordinal))
        {
            ComponentStoreLog.Corrupt(_logger, name, actual);
            throw new ComponentBlobCorruptedException(name.ToString(), actual);
        }
    }

    private async IAsyncEnumerable<ComponentBlob> ListCoreAsync(string? tenantId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var options = new GetBlobsOptions { Prefix = tenantId is null ? null : tenantId + "/" };
        await using var items = _container.GetBlobsAsync(options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            bool more;
            try
            {
                more = await items.MoveNextAsync();
            }
            catch (RequestFailedException exception) when (IsNotFound(exception))
            {
                // No container yet: nothing was ever stored.
                more = false;
            }

            if (!more)
            {
                yield break;
            }

            var item = items.Current;
            if (ComponentBlobName.TryParse(item.Name, out var name))
            {
                yield return new ComponentBlob
                {
                    TenantId = name.Tenant,
                    Sha256 = name.Sha256,
                    SizeBytes = item.Properties.ContentLength ?? 0,
                    CreatedAt = item.Properties.CreatedOn ?? item.Properties.LastModified ?? DateTimeOffset.MinValue,
                };
            }
        }
    }

    /// <summary>Creates the container on first use; concurrent first uses are harmless (create-if-not-exists).</summary>
    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _containerEnsured) == 1)
        {
            return;
        }

        if (await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken) is not null)
        {
            LogContainerCreated(_container.Name);
        }

        Volatile.Write(ref _containerEnsured, 1);
    }

    private static bool IsNotFound(RequestFailedException exception) =>
        exception.ErrorCode == BlobErrorCode.BlobNotFound || exception.ErrorCode == BlobErrorCode.ContainerNotFound;
}
