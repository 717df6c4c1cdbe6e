using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExtensibilityHost.Sdk.Cli;

/// <summary>
/// The host's runtime, on a developer's machine: the same engine settings, sandbox, limits and
/// host capabilities (key-value in memory or in a file, config from <c>--config</c>, WASI with the host's
/// default allow-list, standard output and error into the call's logs), and a compiled-artifact cache
/// under <c>$XDG_CACHE_HOME/exthost</c> so a large guest compiles once.
/// </summary>
internal sealed class LocalRuntime : IDisposable
{
    /// <summary>Overrides where compiled artifacts are cached (default <c>$XDG_CACHE_HOME/exthost/artifacts</c>).</summary>
    public const string CacheDirectoryVariable = "EXTHOST_CACHE_DIR";

    private readonly EpochTicker _ticker;

    public LocalRuntime(bool fuel, InMemoryConfigSource? config = null, IKeyValueStore? keyValue = null)
    {
        var options = new RuntimeOptions
        {
            EnableFuel = fuel,
            // A one-shot process: reserving pool slots would cost more than it saves. Without a
            // pool nothing caps a memory below --memory-mb's own maximum (4 GiB).
            UsePoolingAllocator = false,
            PoolMaxMemoryBytes = 4L * 1024 * 1024 * 1024,
            ArtifactCacheDirectory = CacheDirectory(),
        };
        Engine = new SandboxEngine(options, HostCapabilities.Standard(keyValue ?? new InMemoryKeyValueStore(new KeyValueOptions()), config ?? new InMemoryConfigSource()));
        Cache = new CompiledComponentCache(Engine, NullLogger<CompiledComponentCache>.Instance);
        Sandbox = new ComponentSandbox(Engine);
        _ticker = new EpochTicker(Engine);
        _ticker.StartAsync(default).GetAwaiter().GetResult();
    }

    public SandboxEngine Engine { get; }

    public CompiledComponentCache Cache { get; }

    public ComponentSandbox Sandbox { get; }

    /// <summary>Reads a <c>.wasm</c> or <c>.wat</c> file, checks it is a component, compiles it (cached) and describes it.</summary>
    public async Task<LoadedComponent> LoadAsync(string path, CancellationToken cancellationToken)
    {
        var bytes = await ComponentFile.ReadAsync(path, cancellationToken);
        var check = ComponentBinary.Check(bytes);
        if (check.Error is { } error)
        {
            throw new CliException($"{path}: {error.Message}");
        }

        CompiledComponent compiled;
        try
        {
            compiled = await Cache.PrecompileAsync(bytes, cancellationToken);
        }
        catch (Wasmtime.WasmtimeException exception)
        {
            throw new CliException($"{path}: {ComponentLoadError.FromCompileFailure(exception).Message}");
        }

        return new LoadedComponent(path, bytes.Length, compiled, Engine.Inspect(compiled));
    }

    public void Dispose()
    {
        _ticker.Dispose();
        Engine.Dispose();
    }

    private static string CacheDirectory()
    {
        if (Environment.GetEnvironmentVariable(CacheDirectoryVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "exthost", "artifacts");
    }
}
