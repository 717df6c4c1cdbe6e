using ExtensibilityHost.Core.Storage;

namespace ExtensibilityHost.Core.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="IComponentStore"/> must have, run against each implementation by
/// a derived class that provides the store and a way to reach behind its back.
/// </summary>
public abstract class ComponentStoreContract
{
    protected const string Tenant = "acme";
    protected const string OtherTenant = "globex";

    private IComponentStore? _store;

    /// <summary>Created on first use, so a test can check that the storage was never touched.</summary>
    protected IComponentStore Store => _store ??= CreateStore();

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected abstract IComponentStore CreateStore();

    /// <summary>Replaces the blob's content without going through the store.</summary>
    protected abstract Task TamperAsync(string tenantId, string sha256, byte[] content);

    /// <summary>Something that changes whenever the blob is written again.</summary>
    protected abstract Task<string> RevisionAsync(string tenantId, string sha256);

    /// <summary>Whether the store has created anything in its storage (its root folder, its container).</summary>
    protected abstract Task<bool> StorageTouchedAsync();

    /// <summary>Every entry in the storage, including temporaries and uncommitted uploads.</summary>
    protected abstract Task<IReadOnlyList<string>> AllEntriesAsync();

    /// <summary>Deterministic pseudo-random bytes standing in for a component binary.</summary>
    protected static byte[] Component(int seed, int size = 4096)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static TheoryData<string> InvalidTenantIds => ["../x", "..", "a", "Acme", "-acme", "acme/x", "acme\\x", "acme\n", "acme x", "", new string('a', 64)];

    public static TheoryData<string> InvalidHashes =>
    [
        "../../etc/passwd",
        ComponentHash.Of([1]).ToUpperInvariant(),
        ComponentHash.Of([1])[..63],
        ComponentHash.Of([1]) + "0",
        ComponentHash.Of([1]) + ".wasm",
        ComponentHash.Of([1])[..62] + "/x",
    ];

    [Fact]
    public async Task Put_NewContent_ReturnsCreated()
    {
        var content = Component(1);
        var sha256 = ComponentHash.Of(content);

        var result = await Store.PutAsync(Tenant, sha256, content, Cancellation);

        Assert.Equal(ComponentPutStatus.Created, result.Status);
        Assert.True(result.IsStored);
        Assert.Equal($"{Tenant}/{sha256}.wasm", result.BlobName);
        Assert.Equal(sha256, result.ContentSha256);
        Assert.Equal(content.Length, result.SizeBytes);
    }

    [Fact]
    public async Task PutThenRead_RoundTripsTheContent()
    {
        var content = Component(2);
        var sha256 = ComponentHash.Of(content);

        await Store.PutAsync(Tenant, sha256, content, Cancellation);
        var read = await Store.ReadAsync(Tenant, sha256, Cancellation);

        Assert.Equal(content, read);
    }

    [Fact]
    public async Task PutFromStream_NonSeekableAndLargerThanABuffer_RoundTripsTheContent()
    {
        var content = Component(3, size: 300_000);
        var sha256 = ComponentHash.Of(content);

        var result = await Store.PutAsync(Tenant, sha256, new NonSeekableStream(content), Cancellation);
        var read = await Store.ReadAsync(Tenant, sha256, Cancellation);

        Assert.Equal(ComponentPutStatus.Created, result.Status);
        Assert.Equal(content.Length, result.SizeBytes);
        Assert.Equal(content, read);
    }

    [Fact]
    public async Task Put_SameContentTwice_ReportsAlreadyExistsAndDoesNotRewrite()
    {
        var content = Component(4);
        var sha256 = ComponentHash.Of(content);
        await Store.PutAsync(Tenant, sha256, content, Cancellation);
        var revision = await RevisionAsync(Tenant, sha256);

        var second = await Store.PutAsync(Tenant, sha256, new MemoryStream(content), Cancellation);

        Assert.Equal(ComponentPutStatus.AlreadyExists, second.Status);
        Assert.True(second.IsStored);
        Assert.Equal(revision, await RevisionAsync(Tenant, sha256));
        Assert.Single(await ListAsync(Tenant));
    }

    [Fact]
    public async Task Put_ContentNotMatchingTheHash_IsRefusedAndLeavesNothing()
    {
        var claimed = ComponentHash.Of(Component(5));
        var content = Component(6);

        var result = await Store.PutAsync(Tenant, claimed, content, Cancellation);

        Assert.Equal(ComponentPutStatus.HashMismatch, result.Status);
        Assert.False(result.IsStored);
        Assert.Equal(ComponentHash.Of(content), result.ContentSha256);
        Assert.False(await Store.ExistsAsync(Tenant, claimed, Cancellation));
        Assert.Empty(await AllEntriesAsync());
    }

    [Fact]
    public async Task PutFromStream_ContentNotMatchingTheHash_IsRefusedAndLeavesNothing()
    {
        var claimed = ComponentHash.Of(Component(7));
        var content = Component(8, size: 200_000);

        var result = await Store.PutAsync(Tenant, claimed, new NonSeekableStream(content), Cancellation);

        Assert.Equal(ComponentPutStatus.HashMismatch, result.Status);
        Assert.Equal(ComponentHash.Of(content), result.ContentSha256);
        Assert.Equal(content.Length, result.SizeBytes);
        Assert.False(await Store.ExistsAsync(Tenant, claimed, Cancellation));
        Assert.Empty(await AllEntriesAsync());
    }

    [Fact]
    public async Task Read_BlobCorruptedBehindTheStoresBack_ThrowsNamingTheBlob()
    {
        var content = Component(9);
        var sha256 = ComponentHash.Of(content);
        await Store.PutAsync(Tenant, sha256, content, Cancellation);
        var corrupted = content.ToArray();
        corrupted[100] ^= 0xFF;
        await TamperAsync(Tenant, sha256, corrupted);

        var exception = await Assert.ThrowsAsync<ComponentBlobCorruptedException>(() => Store.ReadAsync(Tenant, sha256, Cancellation));

        Assert.Equal($"{Tenant}/{sha256}.wasm", exception.BlobName);
        Assert.Equal(ComponentHash.Of(corrupted), exception.ActualSha256);
        Assert.Contains($"{Tenant}/{sha256}.wasm", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_OverACorruptedBlob_ThrowsAndDoesNotOverwrite()
    {
        var content = Component(10);
        var sha256 = ComponentHash.Of(content);
        await Store.PutAsync(Tenant, sha256, content, Cancellation);
        await TamperAsync(Tenant, sha256, [1, 2, 3]);
        var revision = await RevisionAsync(Tenant, sha256);

        var exception = await Assert.ThrowsAsync<ComponentBlobCorruptedException>(() => Store.PutAsync(Tenant, sha256, content, Cancellation));

        Assert.Equal($"{Tenant}/{sha256}.wasm", exception.BlobName);
        Assert.Equal(revision, await RevisionAsync(Tenant, sha256));
    }

    [Fact]
    public async Task Put_SameHashFromEightTasksAtOnce_CreatesItExactlyOnce()
    {
        var content = Component(11, size: 256 * 1024);
        var sha256 = ComponentHash.Of(content);
        var store = Store;
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var puts = Enumerable.Range(0, 8)
            .Select(_ => Task.Run(async () =>
            {
                await start.Task;
                return await store.PutAsync(Tenant, sha256, content, Cancellation);
            }, Cancellation))
            .ToArray();

        start.SetResult();
        var results = await Task.WhenAll(puts);

        Assert.All(results, result => Assert.True(result.IsStored));
        Assert.Single(results, result => result.Status == ComponentPutStatus.Created);
        Assert.Equal(7, results.Count(result => result.Status == ComponentPutStatus.AlreadyExists));
        Assert.Single(await ListAsync(Tenant));
        Assert.Single(await AllEntriesAsync());
        Assert.Equal(content, await Store.ReadAsync(Tenant, sha256, Cancellation));
    }

    [Theory]
    [MemberData(nameof(InvalidTenantIds))]
    public async Task Put_InvalidTenantId_IsRejectedBeforeAnyIo(string tenantId)
    {
        var content = Component(12);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(tenantId, ComponentHash.Of(content), content, Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(tenantId, ComponentHash.Of(content), new MemoryStream(content), Cancellation));

        Assert.False(await StorageTouchedAsync());
    }

    [Theory]
    [MemberData(nameof(InvalidHashes))]
    public async Task Put_InvalidHash_IsRejectedBeforeAnyIo(string sha256)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Tenant, sha256, Component(13), Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(Tenant, sha256, new MemoryStream(Component(13)), Cancellation));

        Assert.False(await StorageTouchedAsync());
    }

    [Theory]
    [InlineData("../x", "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("acme", "../../../etc/passwd")]
    public async Task ReadExistsDeleteList_InvalidNames_AreRejectedBeforeAnyIo(string tenantId, string sha256)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ReadAsync(tenantId, sha256, Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(tenantId, sha256, Cancellation));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(tenantId, sha256, Cancellation));
        Assert.Throws<ArgumentException>(() => Store.ListAsync("../x", Cancellation));

        Assert.False(await StorageTouchedAsync());
    }

    [Fact]
    public async Task Read_NeverStored_ReturnsNull()
    {
        var read = await Store.ReadAsync(Tenant, ComponentHash.Of(Component(14)), Cancellation);

        Assert.Null(read);
    }

    [Fact]
    public async Task Exists_BeforeAndAfterPut_ReflectsTheBlob()
    {
        var content = Component(15);
        var sha256 = ComponentHash.Of(content);
        var before = await Store.ExistsAsync(Tenant, sha256, Cancellation);

        await Store.PutAsync(Tenant, sha256, content, Cancellation);

        Assert.False(before);
        Assert.True(await Store.ExistsAsync(Tenant, sha256, Cancellation));
    }

    [Fact]
    public async Task Delete_StoredBlob_RemovesItAndReturnsTrue()
    {
        var content = Component(16);
        var sha256 = ComponentHash.Of(content);
        await Store.PutAsync(Tenant, sha256, content, Cancellation);

        var deleted = await Store.DeleteAsync(Tenant, sha256, Cancellation);

        Assert.True(deleted);
        Assert.False(await Store.ExistsAsync(Tenant, sha256, Cancellation));
        Assert.Null(await Store.ReadAsync(Tenant, sha256, Cancellation));
        Assert.Empty(await ListAsync(Tenant));
    }

    [Fact]
    public async Task Delete_NeverStored_ReturnsFalse()
    {
        var deleted = await Store.DeleteAsync(Tenant, ComponentHash.Of(Component(17)), Cancellation);

        Assert.False(deleted);
    }

    [Fact]
    public async Task Put_AfterDelete_CreatesTheBlobAgain()
    {
        var content = Component(18);
        var sha256 = ComponentHash.Of(content);
        await Store.PutAsync(Tenant, sha256, content, Cancellation);
        await Store.DeleteAsync(Tenant, sha256, Cancellation);

        var result = await Store.PutAsync(Tenant, sha256, content, Cancellation);

        Assert.Equal(ComponentPutStatus.Created, result.Status);
        Assert.Equal(content, await Store.ReadAsync(Tenant, sha256, Cancellation));
    }

    [Fact]
    public async Task List_OneTenant_ReturnsItsBlobsWithSizeAndCreationTime()
    {
        var small = Component(19, size: 1000);
        var large = Component(20, size: 5000);
        var before = DateTimeOffset.UtcNow;
        await Store.PutAsync(Tenant, ComponentHash.Of(small), small, Cancellation);
        await Store.PutAsync(Tenant, ComponentHash.Of(large), large, Cancellation);
        await Store.PutAsync(OtherTenant, ComponentHash.Of(Component(21)), Component(21), Cancellation);
        var after = DateTimeOffset.UtcNow;

        var listed = await ListAsync(Tenant);

        Assert.Equal(
            new[] { (ComponentHash.Of(small), 1000L), (ComponentHash.Of(large), 5000L) }.Order(),
            listed.Select(blob => (blob.Sha256, blob.SizeBytes)).Order());
        Assert.All(listed, blob =>
        {
            Assert.Equal(Tenant, blob.TenantId);
            Assert.Equal($"{Tenant}/{blob.Sha256}.wasm", blob.Name);

            // Azure reports creation times to the second.
            Assert.InRange(blob.CreatedAt, before.AddSeconds(-2), after.AddSeconds(2));
        });
    }

    [Fact]
    public async Task List_AllTenants_ReturnsEveryTenantsBlobs()
    {
        var mine = Component(22);
        var theirs = Component(23);
        await Store.PutAsync(Tenant, ComponentHash.Of(mine), mine, Cancellation);
        await Store.PutAsync(OtherTenant, ComponentHash.Of(theirs), theirs, Cancellation);

        var listed = await ListAsync(null);

        Assert.Equal(
            new[] { $"{Tenant}/{ComponentHash.Of(mine)}.wasm", $"{OtherTenant}/{ComponentHash.Of(theirs)}.wasm" }.Order(StringComparer.Ordinal),
            listed.Select(blob => blob.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_NothingStored_ReturnsNothing()
    {
        Assert.Empty(await ListAsync(null));
        Assert.Empty(await ListAsync(Tenant));
    }

    [Fact]
    public async Task Put_SameHashUnderTwoTenants_StoresTwoBlobs()
    {
        var content = Component(24);
        var sha256 = ComponentHash.Of(content);

        var mine = await Store.PutAsync(Tenant, sha256, content, Cancellation);
        var theirs = await Store.PutAsync(OtherTenant, sha256, content, Cancellation);

        Assert.Equal(ComponentPutStatus.Created, mine.Status);
        Assert.Equal(ComponentPutStatus.Created, theirs.Status);
        Assert.Equal(2, (await ListAsync(null)).Count);
    }

    [Fact]
    public async Task Read_AnotherTenantsHash_ReturnsNull()
    {
        var content = Component(25);
        var sha256 = ComponentHash.Of(content);
        await Store.PutAsync(OtherTenant, sha256, content, Cancellation);

        var read = await Store.ReadAsync(Tenant, sha256, Cancellation);

        Assert.Null(read);
        Assert.False(await Store.ExistsAsync(Tenant, sha256, Cancellation));
    }

    [Fact]
    public async Task Delete_OneTenantsBlob_LeavesTheOtherTenantsBlob()
    {
        var content = Component(26);
        var sha256 = ComponentHash.Of(content);
        await Store.PutAsync(Tenant, sha256, content, Cancellation);
        await Store.PutAsync(OtherTenant, sha256, content, Cancellation);

        await Store.DeleteAsync(Tenant, sha256, Cancellation);

        Assert.Equal(content, await Store.ReadAsync(OtherTenant, sha256, Cancellation));
    }

    [Fact]
    public async Task CheckHealth_WorkingStore_IsHealthy()
    {
        var health = await Store.CheckHealthAsync(Cancellation);

        Assert.True(health.IsHealthy, health.Description);
        Assert.Null(health.Exception);
    }

    protected async Task<List<ComponentBlob>> ListAsync(string? tenantId)
    {
        List<ComponentBlob> blobs = [];
        await foreach (var blob in Store.ListAsync(tenantId, Cancellation))
        {
            blobs.Add(blob);
        }

        return blobs;
    }

    /// <summary>An upload body as a request delivers it: forward-only, length unknown.</summary>
    protected sealed class NonSeekableStream(byte[] content) : ForwardOnlyStream(new MemoryStream(content));
}
