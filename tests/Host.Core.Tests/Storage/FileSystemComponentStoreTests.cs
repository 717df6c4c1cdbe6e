using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Storage.FileSystem;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExtensibilityHost.Core.Tests.Storage;

/// <summary>The store contract, and what is particular to files, on a store in a fresh temporary folder.</summary>
public sealed class FileSystemComponentStoreTests : ComponentStoreContract, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-blobs-").FullName;

    /// <summary>Not created up front: the store creates it on its first write.</summary>
    private string Root => Path.Combine(_directory, "blobs");

    protected override IComponentStore CreateStore() => new FileSystemComponentStore(Root, NullLogger<FileSystemComponentStore>.Instance);

    protected override Task TamperAsync(string tenantId, string sha256, byte[] content) =>
        File.WriteAllBytesAsync(PathOf(tenantId, sha256), content, Cancellation);

    protected override Task<string> RevisionAsync(string tenantId, string sha256)
    {
        var file = new FileInfo(PathOf(tenantId, sha256));
        return Task.FromResult($"{file.CreationTimeUtc.Ticks}:{file.LastWriteTimeUtc.Ticks}:{file.Length}");
    }

    protected override Task<bool> StorageTouchedAsync() => Task.FromResult(Directory.Exists(Root));

    protected override Task<IReadOnlyList<string>> AllEntriesAsync() => Task.FromResult<IReadOnlyList<string>>(
        Directory.Exists(Root)
            ? Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Select(path => Path.GetRelativePath(Root, path)).ToList()
            : []);

    private string PathOf(string tenantId, string sha256) => Path.Combine(Root, tenantId, sha256 + ".wasm");

    [Fact]
    public async Task Put_NewContent_WritesRootSlashTenantSlashHashDotWasm()
    {
        var content = Component(100);
        var sha256 = ComponentHash.Of(content);

        await Store.PutAsync(Tenant, sha256, content, Cancellation);

        Assert.Equal([Path.Combine(Tenant, sha256 + ".wasm")], await AllEntriesAsync());
        Assert.Equal(content, await File.ReadAllBytesAsync(PathOf(Tenant, sha256), Cancellation));
    }

    [Fact]
    public async Task PutFromStream_WhileWriting_OnlyARecognisableTemporaryExists()
    {
        var content = Component(101, size: 200_000);
        var sha256 = ComponentHash.Of(content);
        IReadOnlyList<string>? midWrite = null;
        List<ComponentBlob>? listedMidWrite = null;
        var source = new CallbackStream(content, afterFirstRead: () =>
        {
            midWrite = AllEntriesAsync().GetAwaiter().GetResult();
            listedMidWrite = ListAsync(null).GetAwaiter().GetResult();
        });

        await Store.PutAsync(Tenant, sha256, source, Cancellation);

        var temporary = Assert.Single(midWrite!);
        Assert.True(FileSystemComponentStore.IsTemporaryFileName(Path.GetFileName(temporary)), temporary);
        Assert.StartsWith(Tenant + Path.DirectorySeparatorChar, temporary, StringComparison.Ordinal);
        Assert.Empty(listedMidWrite!);
        Assert.Equal([Path.Combine(Tenant, sha256 + ".wasm")], await AllEntriesAsync());
    }

    [Fact]
    public async Task PutFromStream_SourceFailsMidWrite_LeavesNothing()
    {
        var content = Component(102, size: 200_000);
        var source = new CallbackStream(content, afterFirstRead: () => throw new IOException("connection reset"));

        await Assert.ThrowsAsync<IOException>(() => Store.PutAsync(Tenant, ComponentHash.Of(content), source, Cancellation));

        Assert.Empty(await AllEntriesAsync());
    }

    [Fact]
    public async Task List_TemporaryLeftByACrashedPut_IsNotListedAndDoesNotBlockAPut()
    {
        var content = Component(103);
        var sha256 = ComponentHash.Of(content);
        Directory.CreateDirectory(Path.Combine(Root, Tenant));
        var leftover = Path.Combine(Root, Tenant, $".{sha256}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(leftover, content.AsMemory(0, 100), Cancellation);

        var listedBefore = await ListAsync(Tenant);
        var result = await Store.PutAsync(Tenant, sha256, content, Cancellation);

        Assert.True(FileSystemComponentStore.IsTemporaryFileName(Path.GetFileName(leftover)));
        Assert.Empty(listedBefore);
        Assert.Equal(ComponentPutStatus.Created, result.Status);
        Assert.Single(await ListAsync(Tenant));
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef.wasm", false)]
    [InlineData(".0123456789abcdef.0123.tmp", true)]
    [InlineData(".health.0123.tmp", true)]
    [InlineData("x.tmp", false)]
    [InlineData(".wasm", false)]
    public void IsTemporaryFileName_Name_RecognisesTemporaries(string fileName, bool expected)
    {
        Assert.Equal(expected, FileSystemComponentStore.IsTemporaryFileName(fileName));
    }

    [Fact]
    public async Task List_ForeignFilesAndFolders_AreIgnored()
    {
        var content = Component(104);
        await Store.PutAsync(Tenant, ComponentHash.Of(content), content, Cancellation);
        await File.WriteAllTextAsync(Path.Combine(Root, Tenant, "notes.wasm"), "x", Cancellation);
        await File.WriteAllTextAsync(Path.Combine(Root, "README"), "x", Cancellation);
        Directory.CreateDirectory(Path.Combine(Root, "Not A Tenant"));
        await File.WriteAllBytesAsync(Path.Combine(Root, "Not A Tenant", ComponentHash.Of(content) + ".wasm"), content, Cancellation);

        var listed = await ListAsync(null);

        Assert.Equal(ComponentHash.Of(content), Assert.Single(listed).Sha256);
    }

    [Fact]
    public async Task CheckHealth_RootIsAFile_IsUnhealthy()
    {
        await File.WriteAllTextAsync(Root, "not a folder", Cancellation);

        var health = await Store.CheckHealthAsync(Cancellation);

        Assert.False(health.IsHealthy);
        Assert.Contains(Root, health.Description, StringComparison.Ordinal);
        Assert.NotNull(health.Exception);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>A forward-only source that runs a callback once, after its first read has been handed out.</summary>
    private sealed class CallbackStream(byte[] content, Action afterFirstRead) : ForwardOnlyStream(new MemoryStream(content))
    {
        private int _reads;

        public override int Read(Span<byte> buffer)
        {
            if (_reads++ == 1)
            {
                afterFirstRead();
            }

            return base.Read(buffer);
        }
    }
}
