using System.Diagnostics;
using ExtensibilityHost.Core.Runtime.Imports;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>The memory LRU, the on-disk artifact cache and single-flight compilation, on a real engine.</summary>
public sealed class CompiledComponentCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-artifacts-").FullName;
    private readonly SandboxEngine _engine;
    private readonly byte[] _component;
    private readonly string _sha256;
    private int _loads;

    public CompiledComponentCacheTests()
    {
        var options = RuntimeFixture.TestOptions();
        options.ArtifactCacheDirectory = _directory;
        options.PoolTotalComponentInstances = 4;
        options.MemoryCacheCapacity = 2;
        _engine = new SandboxEngine(options, HostCapabilities.Standard(new Core.Runtime.Imports.KeyValue.InMemoryKeyValueStore(new()), new Core.Runtime.Imports.Config.InMemoryConfigSource()));
        _component = WatText.ToBinary(Guests.Wat("add"));
        _sha256 = ComponentHash.Of(_component);
    }

    private Task<byte[]> Load(CancellationToken _)
    {
        Interlocked.Increment(ref _loads);
        return Task.FromResult(_component);
    }

    private CompiledComponentCache NewCache() => new(_engine, NullLogger<CompiledComponentCache>.Instance);

    [Fact]
    public async Task GetOrCompile_FirstTime_CompilesAndWritesAnIntactArtifact()
    {
        var cache = NewCache();

        await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);

        var path = cache.ArtifactPath(_sha256)!;
        Assert.Equal(1, _loads);
        Assert.True(File.Exists(path));
        Assert.Equal(ComponentHash.Of(File.ReadAllBytes(path)), File.ReadAllText(path + ".sha256"));
        Assert.Contains(_engine.Fingerprint, path, StringComparison.Ordinal);
    }

    /// <summary>A host killed while writing an artifact leaves its temporary file; the next start deletes it once no write could still own it.</summary>
    [Fact]
    public async Task NewCache_TemporaryFilesOfAbandonedWrites_AreDeletedAndFreshOnesKept()
    {
        await NewCache().GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);
        var folder = Path.GetDirectoryName(NewCache().ArtifactPath(_sha256))!;
        var abandoned = Path.Combine(folder, $"{_sha256}.cwasm.4242.{Guid.NewGuid():N}.tmp");
        var fresh = Path.Combine(folder, $"{_sha256}.cwasm.4343.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(abandoned, [1, 2, 3]);
        File.WriteAllBytes(fresh, [1, 2, 3]);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow - ArtifactCache.AbandonedAfter - TimeSpan.FromMinutes(1));

        NewCache();

        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(fresh));
        Assert.True(File.Exists(NewCache().ArtifactPath(_sha256)));
    }

    [Fact]
    public async Task Add_ComponentCompiledAtUpload_IsServedWithoutCompilingAndItsArtifactIsWrittenByDisposal()
    {
        var cache = NewCache();
        var compiled = _engine.Compile(_component);

        cache.Add(compiled);
        var served = await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);
        cache.Dispose();

        Assert.Same(compiled, served);
        Assert.Equal((0, 0L), (_loads, cache.Compilations));
        Assert.True(File.Exists(cache.ArtifactPath(_sha256)));
    }

    [Fact]
    public async Task GetOrCompile_NeitherCacheHasIt_CountsOneCompilation()
    {
        var cache = NewCache();

        await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);
        await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);

        Assert.Equal(1, cache.Compilations);
    }

    [Fact]
    public async Task GetOrCompile_SecondTime_IsServedFromMemory()
    {
        var cache = NewCache();
        var first = await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);

        var second = await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);

        Assert.Same(first, second);
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task GetOrCompile_NewProcessWithArtifactOnDisk_DeserializesWithoutLoadingBytes()
    {
        await NewCache().GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);

        var restarted = NewCache();
        var compiled = await restarted.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);

        Assert.Equal(1, _loads);
        Assert.Equal(_sha256, compiled.Sha256);
    }

    [Fact]
    public async Task GetOrCompile_CorruptArtifact_IsDiscardedAndRebuilt()
    {
        var cache = NewCache();
        await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);
        var path = cache.ArtifactPath(_sha256)!;
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);

        var compiled = await NewCache().GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);

        Assert.Equal(2, _loads);
        Assert.Equal(ComponentHash.Of(File.ReadAllBytes(path)), File.ReadAllText(path + ".sha256"));
        Assert.Equal(_sha256, compiled.Sha256);
    }

    [Fact]
    public async Task GetOrCompile_ArtifactWithoutChecksum_IsRebuilt()
    {
        var cache = NewCache();
        await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);
        File.Delete(cache.ArtifactPath(_sha256) + ".sha256");

        await NewCache().GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);

        Assert.Equal(2, _loads);
    }

    [Fact]
    public async Task GetOrCompile_ConcurrentRequests_CompileOnce()
    {
        var cache = NewCache();
        var gate = new TaskCompletionSource();
        async Task<byte[]> SlowLoad(CancellationToken token)
        {
            Interlocked.Increment(ref _loads);
            await gate.Task;
            return _component;
        }

        var requests = Enumerable.Range(0, 8).Select(_ => cache.GetOrCompileAsync(_sha256, SlowLoad, TestContext.Current.CancellationToken)).ToList();
        gate.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.Equal(1, _loads);
        Assert.Single(results.Distinct());
    }

    [Fact]
    public async Task GetOrCompile_ArtifactDirectoryCannotBeCreated_StillReturnsAndCachesInMemory()
    {
        // A directory under a regular file can never be created: the disk is as good as read-only.
        var file = Path.Combine(_directory, "not-a-directory");
        File.WriteAllText(file, "");
        var options = RuntimeFixture.TestOptions();
        options.ArtifactCacheDirectory = Path.Combine(file, "artifacts");
        using var engine = new SandboxEngine(options, HostCapabilities.Standard(new Core.Runtime.Imports.KeyValue.InMemoryKeyValueStore(new()), new Core.Runtime.Imports.Config.InMemoryConfigSource()));
        var cache = new CompiledComponentCache(engine, NullLogger<CompiledComponentCache>.Instance);

        var first = await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);
        var second = await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);

        Assert.Same(first, second);
        Assert.Equal(1, _loads);
    }

    [Fact]
    public async Task GetOrCompile_LoadFailsAfterEveryCallerCancelled_NextCallerLoadsAfresh()
    {
        var cache = NewCache();
        var gate = new TaskCompletionSource();
        var failed = new TaskCompletionSource();
        async Task<byte[]> FailingLoad(CancellationToken token)
        {
            await gate.Task;
            try
            {
                throw new IOException("blob store unavailable");
            }
            finally
            {
                failed.SetResult();
            }
        }

        using var cancel = new CancellationTokenSource();
        var abandoned = cache.GetOrCompileAsync(_sha256, FailingLoad, cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        gate.SetResult();
        await failed.Task;

        var compiled = await NextCallAfterTheFailedLoadLeftAsync(cache);

        Assert.Equal(_sha256, compiled.Sha256);
        Assert.Equal(1, _loads);
    }

    /// <summary>
    /// The next call once the failed shared load has left the in-flight table. It leaves just after the
    /// loader throws (a continuation of the faulted load), so a call in between joins it and gets its
    /// failure without loading: retried, bounded, until a call loads afresh. A load that never leaves
    /// fails the test with its exception.
    /// </summary>
    private async Task<CompiledComponent> NextCallAfterTheFailedLoadLeftAsync(CompiledComponentCache cache)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await cache.GetOrCompileAsync(_sha256, Load, TestContext.Current.CancellationToken);
            }
            catch (IOException) when (_loads == 0 && deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Yield();
            }
        }
    }

    [Fact]
    public async Task GetOrCompile_BytesWithAnotherHash_AreRejected()
    {
        var cache = NewCache();
        var wrongHash = new string('0', 64);

        await Assert.ThrowsAsync<InvalidDataException>(() => cache.GetOrCompileAsync(wrongHash, Load, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task GetOrCompile_HashThatIsNotHex_IsRejectedBeforeTouchingTheDisk()
    {
        var cache = NewCache();

        await Assert.ThrowsAsync<ArgumentException>(() => cache.GetOrCompileAsync("../../etc/passwd", Load, TestContext.Current.CancellationToken));
    }

    public void Dispose()
    {
        _engine.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
