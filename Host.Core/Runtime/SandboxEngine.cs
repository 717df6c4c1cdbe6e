using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Collections.Immutable;
using System.Diagnostics;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Wasmtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// The process-wide Wasmtime engine: component model, epoch interruption, optional fuel, a
/// bounded wasm stack and the pooling allocator, with the host capabilities linked once.
/// Create one per process; it is thread-safe.
/// </summary>
public sealed class SandboxEngine : IDisposable
{
    private readonly Engine _engine;
    private readonly ComponentLinker _linker;
    private readonly ComponentInspector _inspector;
    private readonly long _epochOrigin = Stopwatch.GetTimestamp();
    private long _epochsIssued;

    /// <summary>Builds the engine and links the host capabilities.</summary>
    /// <param name="options">Engine and sandbox configuration.</param>
    /// <param name="capabilities">
    /// What the host provides to components (<see cref="HostCapabilities.Standard"/>, or the
    /// registered <see cref="IHostCapability"/> services); each is linked once, in order.
    /// </param>
    public SandboxEngine(RuntimeOptions options, IEnumerable<IHostCapability> capabilities)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(capabilities);
        Options = options;
        Capabilities = [.. capabilities];

        using var wasmConfig = CreateConfig(options);
        _engine = new Engine(wasmConfig);
        Fingerprint = FingerprintOf(options);

        _inspector = new ComponentInspector(_engine);
        _linker = new ComponentLinker(_engine);
        foreach (var capability in Capabilities)
        {
            capability.Link(_linker);
        }
    }

    /// <summary>The options the engine was built with.</summary>
    public RuntimeOptions Options { get; }

    /// <summary>
    /// Identifies what compiled artifacts this engine can load: the Wasmtime version plus every
    /// setting that changes generated code. Serialized artifacts are keyed by it.
    /// </summary>
    public string Fingerprint { get; }

    /// <summary>The capabilities linked, in link order.</summary>
    public ImmutableArray<IHostCapability> Capabilities { get; }

    internal Engine Engine => _engine;

    internal ComponentLinker Linker => _linker;

    /// <summary>
    /// Brings the engine epoch up to the whole <see cref="RuntimeOptions.EpochTick"/>s of wall-clock
    /// time since the engine was built. <see cref="EpochTicker"/> calls it on every wake-up, and the
    /// sandbox before it sets a call's deadline: a ticker that woke late would otherwise add its
    /// missed ticks just after the deadline was set, and end the call early by that much.
    /// </summary>
    public void AdvanceEpoch()
    {
        var due = Stopwatch.GetElapsedTime(_epochOrigin).Ticks / Options.EpochTick.Ticks;
        while (true)
        {
            var issued = Volatile.Read(ref _epochsIssued);
            if (issued >= due)
            {
                return;
            }

            // One caller claims the missing ticks; a concurrent one sees them claimed and goes on.
            if (Interlocked.CompareExchange(ref _epochsIssued, due, issued) == issued)
            {
                for (var i = issued; i < due; i++)
                {
                    _engine.IncrementEpoch();
                }

                return;
            }
        }
    }

    /// <summary>Compiles a component binary with Cranelift. Slow for big guests: cache the result.</summary>
    /// <exception cref="WasmtimeException">The bytes are not a valid component.</exception>
    public CompiledComponent Compile(ReadOnlySpan<byte> bytes)
    {
        var sha256 = ComponentHash.Of(bytes);
        if (Adapt(bytes) is { } adapted)
        {
            try
            {
                return Wrap(sha256, Component.FromBytes(_engine, adapted));
            }
            catch (WasmtimeException)
            {
                // The rewrite does not validate: compile the original, which the capability
                // may then refuse, or whose own error the uploader reports.
            }
        }

        return Wrap(sha256, Component.FromBytes(_engine, bytes));
    }

    /// <summary>The first capability's rewrite of a binary (<see cref="IHostCapability.Adapt"/>), or <see langword="null"/>: what to compile instead.</summary>
    internal byte[]? Adapt(ReadOnlySpan<byte> bytes)
    {
        foreach (var capability in Capabilities)
        {
            if (capability.Adapt(bytes) is { } adapted)
            {
                return adapted;
            }
        }

        return null;
    }

    /// <summary>Compiles a component from WebAssembly text (component WAT); its hash is that of the binary.</summary>
    /// <exception cref="FormatException">The text does not parse.</exception>
    /// <exception cref="WasmtimeException">The text is not a valid component.</exception>
    public CompiledComponent CompileText(string wat) => Compile(WatText.ToBinary(wat));

    /// <summary>Imports and exports of a component compiled by this engine, read from Wasmtime's type API (no recompilation).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Part of the engine's API: describes components this engine compiled.")]
    public ComponentDescription Inspect(CompiledComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);

        // As declared: the key-value capability's rewrite of set's value type is the host's business.
        return KeyValueSetLowering.Restore(component.CompiledTypes.Value);
    }

    /// <summary>A component compiled or deserialized by this engine, with its import names read and every capability's verdict on it.</summary>
    internal CompiledComponent Wrap(string sha256, Component component)
    {
        var compiled = new CompiledComponent(sha256, component, _inspector.ImportNames(component), _inspector.Inspect);
        if (compiled.ImportNames.Any(KeyValueSetLowering.IsKeyValue) && KeyValueSetLowering.IsWrapped(compiled.CompiledTypes.Value))
        {
            compiled.AddedMemories = KeyValueSetLowering.AddedMemories;
        }

        foreach (var capability in Capabilities)
        {
            if (capability.Refuse(compiled) is { } refusal)
            {
                compiled.Refusal = refusal;
                break;
            }
        }

        return compiled;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _linker.Dispose();
        _engine.Dispose();
    }

    /// <summary>
    /// The Wasmtime configuration of <paramref name="options"/>: the engine's, and the compile worker's,
    /// whose artifacts this engine must be able to load.
    /// </summary>
    internal static Config CreateConfig(RuntimeOptions options)
    {
        var wasmConfig = new Config()
            .WithComponentModel(true)
            .WithEpochInterruption(true)
            .WithFuelConsumption(options.EnableFuel)
            .WithMaximumStackSize(options.MaxWasmStackBytes);
        if (options.UsePoolingAllocator)
        {
            // Disposed by the Config that takes it.
            wasmConfig.WithPoolingAllocationStrategy(new PoolingAllocationConfig()
                .WithTotalComponentInstances((uint)options.PoolTotalComponentInstances)
                .WithMaxMemories((uint)options.PoolTotalMemories)
                .WithMaxTables((uint)options.PoolTotalTables)
                .WithMaxCoreInstances((uint)options.PoolTotalCoreInstances)
                .WithMaxMemorySize((nuint)options.PoolMaxMemoryBytes)
                .WithLinearMemoryKeepResidentBytes((nuint)options.KeepResidentBytes)
                .WithTableKeepResidentBytes((nuint)options.KeepResidentBytes)
                // Real guests (a SpiderMonkey-based JS component) hold dozens of core instances
                // and tens of thousands of table elements; the Wasmtime defaults are too small.
                .WithMaxCoreInstancesPerComponent(64)
                .WithMaxMemoriesPerComponent(8)
                .WithMaxTablesPerComponent(64)
                .WithMaxTableElements(200_000)
                .WithMaxCoreInstanceSize(16 * 1024 * 1024)
                .WithMaxComponentInstanceSize(16 * 1024 * 1024));
        }

        return wasmConfig;
    }

    /// <summary>The <see cref="Fingerprint"/> of an engine built with <paramref name="options"/>.</summary>
    internal static string FingerprintOf(RuntimeOptions options)
    {
        var wasmtimeVersion = typeof(Engine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? typeof(Engine).Assembly.GetName().Version?.ToString()
            ?? "unknown";
        var settings = string.Join(';',
            wasmtimeVersion,
            options.EnableFuel,
            options.MaxWasmStackBytes.ToString(CultureInfo.InvariantCulture),
            options.UsePoolingAllocator,
            options.PoolMaxMemoryBytes.ToString(CultureInfo.InvariantCulture),
            RuntimeInformationText(),
            // Capabilities' binary rewrites (IHostCapability.Adapt) change the compiled code:
            // 1 = key-value.set lowered as Latin-1 (KeyValueSetLowering).
            "adapt-1");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(settings)))[..16];
        var version = wasmtimeVersion.Split('+')[0];
        return $"wasmtime-{version}-{hash}";

        static string RuntimeInformationText() =>
            System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
    }
}
