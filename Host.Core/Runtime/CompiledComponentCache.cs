using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// Compiled components by SHA-256: an in-memory LRU, then serialized artifacts on disk keyed by
/// hash and engine fingerprint, then the component bytes compiled by Cranelift. A component is
/// compiled once (concurrent requests for the same hash share one compilation); precompile at
/// upload so the request path only ever deserializes.
/// </summary>
public sealed partial class CompiledComponentCache : IDisposable
{
    /// <summary>How long disposal waits for artifact writes still in flight.</summary>
    private static readonly TimeSpan PendingWritesTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<Task, byte> _pendingWrites = new();
    private readonly SandboxEngine _engine;
    private readonly ILogger<CompiledComponentCache> _logger;
    private readonly LruCache<string, CompiledComponent> _memory;
    private readonly ArtifactCache? _disk;
    private readonly ConcurrentDictionary<string, Lazy<Task<CompiledComponent>>> _inFlight = new(StringComparer.Ordinal);
    private long _compilations;

    /// <summary>Creates the cache for <paramref name="engine"/>.</summary>
    public CompiledComponentCache(SandboxEngine engine, ILogger<CompiledComponentCache> logger)
    {
        ArgumentNullException.ThrowIfNull(engine);
        _engine = engine;
        _logger = logger;
        _memory = new LruCache<string, CompiledComponent>(engine.Options.MemoryCacheCapacity);
        _disk = engine.Options.ArtifactCacheDirectory is { } directory ? new ArtifactCache(directory, engine.Fingerprint) : null;
    }

    /// <summary>Components held in memory.</summary>
    public int MemoryCount => _memory.Count;

    /// <summary>The path of the serialized artifact of <paramref name="sha256"/>, or null without a disk cache.</summary>
    public string? ArtifactPath(string sha256) => _disk?.PathOf(sha256);

    /// <summary>
    /// Returns the compiled component for <paramref name="sha256"/>, loading the bytes with
    /// <paramref name="loadBytes"/> and compiling only when neither cache has it.
    /// </summary>
    /// <exception cref="InvalidDataException">The loaded bytes do not hash to <paramref name="sha256"/>.</exception>
    public async Task<CompiledComponent> GetOrCompileAsync(
        string sha256,
        Func<CancellationToken, Task<byte[]>> loadBytes,
        CancellationToken cancellationToken = default)
    {
        ComponentHash.Require(sha256);
        ArgumentNullException.ThrowIfNull(loadBytes);
        if (_memory.TryGet(sha256, out var cached))
        {
            return cached;
        }

        var work = _inFlight.GetOrAdd(sha256, key => StartLoad(key, loadBytes));
        return await work.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Compiles <paramref name="bytes"/> ahead of the first call (at upload or approval) and caches the result.</summary>
    public Task<CompiledComponent> PrecompileAsync(byte[] bytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return GetOrCompileAsync(ComponentHash.Of(bytes), _ => Task.FromResult(bytes), cancellationToken);
    }

    /// <summary>Compilations this cache ran (not artifact loads): a call that finds its component compiled adds none.</summary>
    public long Compilations => Interlocked.Read(ref _compilations);

    /// <summary>
    /// Adds a component compiled elsewhere (by validation at upload) to the memory cache at once, so
    /// the first call after approval never waits on Cranelift, and writes its artifact in the
    /// background (serializing a big guest takes a while; disposal waits for the write).
    /// </summary>
    /// <param name="compiled">The compiled component.</param>
    /// <param name="serialized">Its serialized artifact when the compiler already made one (a compile worker does); serialized here otherwise.</param>
    public void Add(CompiledComponent compiled, byte[]? serialized = null)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        _memory.Set(compiled.Sha256, compiled);
        if (_disk is null)
        {
            return;
        }

        var write = Task.Run(() => StoreArtifact(compiled, serialized));
        _pendingWrites.TryAdd(write, 0);
        write.ContinueWith(done => _pendingWrites.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>Waits (bounded) for artifact writes still in flight, so none is cut off by shutdown.</summary>
    public void Dispose() => Task.WaitAll([.. _pendingWrites.Keys], PendingWritesTimeout);

    private Lazy<Task<CompiledComponent>> StartLoad(string sha256, Func<CancellationToken, Task<byte[]>> loadBytes)
    {
        Lazy<Task<CompiledComponent>>? work = null;
        work = new Lazy<Task<CompiledComponent>>(() =>
        {
            var load = LoadAsync(sha256, loadBytes, CancellationToken.None);

            // Removed by the load itself, not by a waiting caller: when every caller has given up,
            // a finished (or failed) load must not stay in flight and be handed to later callers.
            load.ContinueWith(
                _ => _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<CompiledComponent>>>(sha256, work!)),
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            return load;
        });
        return work;
    }

    private async Task<CompiledComponent> LoadAsync(string sha256, Func<CancellationToken, Task<byte[]>> loadBytes, CancellationToken cancellationToken)
    {
        // Off the caller's thread: deserializing and compiling are CPU-bound native work.
        await Task.Yield();
        if (_disk is not null)
        {
            if (_disk.TryLoad(_engine, sha256, out var problem) is { } fromDisk)
            {
                LogLoadedArtifact(sha256);
                _memory.Set(sha256, fromDisk);
                return fromDisk;
            }

            if (problem is not null)
            {
                LogDiscardedArtifact(sha256, problem);
            }
        }

        var bytes = await loadBytes(cancellationToken);
        if (!string.Equals(ComponentHash.Of(bytes), sha256, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The component bytes do not hash to {sha256}.");
        }

        var started = TimeProvider.System.GetTimestamp();
        Interlocked.Increment(ref _compilations);
        var compiled = _engine.Compile(bytes);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        LogCompiled(sha256, bytes.Length, elapsed.TotalMilliseconds);
        StoreArtifact(compiled);
        _memory.Set(sha256, compiled);
        return compiled;
    }

    private void StoreArtifact(CompiledComponent compiled, byte[]? serialized = null)
    {
        if (_disk is null)
        {
            return;
        }

        // The disk cache only saves a later compile: a full or read-only disk must not fail a call
        // whose component compiled fine (and would otherwise be recompiled on every call).
        try
        {
            _disk.Store(compiled.Sha256, serialized ?? compiled.Component.Serialize());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or Wasmtime.WasmtimeException)
        {
            LogArtifactNotWritten(compiled.Sha256, exception);
        }
    }
}
