using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Storage.AzureBlob;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExtensibilityHost.Core.Tests.Storage;

/// <summary>
/// The store contract, and what is particular to Azure, against a real Azurite; each test gets
/// a container of its own, created by the store on first use.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobComponentStoreTests(AzuriteFixture azurite) : ComponentStoreContract
{
    private readonly string _containerName = "t" + Guid.NewGuid().ToString("N");

    private BlobContainerClient RawContainer => azurite.RawClient().GetBlobContainerClient(_containerName);

    /// <summary>The production path: options in, pinned service version.</summary>
    protected override IComponentStore CreateStore() => new AzureBlobComponentStore(
        new StorageOptions { Provider = StorageProvider.AzureBlob, AzureConnectionString = azurite.ConnectionString, AzureContainer = _containerName },
        NullLogger<AzureBlobComponentStore>.Instance);

    protected override async Task TamperAsync(string tenantId, string sha256, byte[] content)
    {
        var blob = RawContainer.GetBlobClient($"{tenantId}/{sha256}.wasm");
        var metadata = (await blob.GetPropertiesAsync(cancellationToken: Cancellation)).Value.Metadata;
        await blob.UploadAsync(new BinaryData(content), new BlobUploadOptions { Metadata = metadata }, Cancellation);
    }

    protected override async Task<string> RevisionAsync(string tenantId, string sha256) =>
        (await RawContainer.GetBlobClient($"{tenantId}/{sha256}.wasm").GetPropertiesAsync(cancellationToken: Cancellation)).Value.ETag.ToString();

    protected override async Task<bool> StorageTouchedAsync() => (await RawContainer.ExistsAsync(Cancellation)).Value;

    protected override async Task<IReadOnlyList<string>> AllEntriesAsync()
    {
        List<string> names = [];
        if (!await StorageTouchedAsync())
        {
            return names;
        }

        await foreach (var item in RawContainer.GetBlobsAsync(new GetBlobsOptions { States = BlobStates.Uncommitted }, Cancellation))
        {
            names.Add(item.Name);
        }

        return names;
    }

    [Fact]
    public async Task Put_NewContent_CreatesTheContainerAndABlobWithItsHashInMetadata()
    {
        var content = Component(200);
        var sha256 = ComponentHash.Of(content);

        await Store.PutAsync(Tenant, sha256, content, Cancellation);

        var properties = (await RawContainer.GetBlobClient($"{Tenant}/{sha256}.wasm").GetPropertiesAsync(cancellationToken: Cancellation)).Value;
        Assert.Equal(sha256, properties.Metadata[AzureBlobComponentStore.Sha256MetadataKey]);
        Assert.Equal("application/wasm", properties.ContentType);
        Assert.Equal(content.Length, properties.ContentLength);
    }

    [Fact]
    public async Task Read_MetadataHashAlteredBehindTheStoresBack_ThrowsNamingTheBlob()
    {
        var content = Component(201);
        var sha256 = ComponentHash.Of(content);
        await Store.PutAsync(Tenant, sha256, content, Cancellation);
        var blob = RawContainer.GetBlobClient($"{Tenant}/{sha256}.wasm");
        await blob.SetMetadataAsync(new Dictionary<string, string> { [AzureBlobComponentStore.Sha256MetadataKey] = ComponentHash.Of([0]) }, cancellationToken: Cancellation);

        var exception = await Assert.ThrowsAsync<ComponentBlobCorruptedException>(() => Store.ReadAsync(Tenant, sha256, Cancellation));

        Assert.Equal($"{Tenant}/{sha256}.wasm", exception.BlobName);
    }

    [Fact]
    public async Task List_ForeignBlobs_AreIgnored()
    {
        var content = Component(202);
        await Store.PutAsync(Tenant, ComponentHash.Of(content), content, Cancellation);
        await RawContainer.GetBlobClient("README").UploadAsync(new BinaryData("x"), Cancellation);
        await RawContainer.GetBlobClient($"{Tenant}/notes.wasm").UploadAsync(new BinaryData("x"), Cancellation);
        await RawContainer.GetBlobClient($"{Tenant}/nested/{ComponentHash.Of(content)}.wasm").UploadAsync(new BinaryData(content), Cancellation);

        var listed = await ListAsync(null);

        Assert.Equal(ComponentHash.Of(content), Assert.Single(listed).Sha256);
    }

    [Fact]
    public async Task CheckHealth_NothingListening_IsUnhealthy()
    {
        var options = AzureBlobComponentStore.ClientOptions();
        options.Retry.MaxRetries = 0;
        var closedPort = azurite.ConnectionString.Replace($":{azurite.Port}/", ":9/", StringComparison.Ordinal);
        var store = new AzureBlobComponentStore(
            new BlobServiceClient(closedPort, options).GetBlobContainerClient(_containerName),
            NullLogger<AzureBlobComponentStore>.Instance);

        var health = await store.CheckHealthAsync(Cancellation);

        Assert.False(health.IsHealthy);
        Assert.Contains(_containerName, health.Description, StringComparison.Ordinal);
        Assert.NotNull(health.Exception);
    }
}
