using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>
/// Real engines shared by the runtime tests: one as the host runs by default (no fuel), one
/// metering fuel. Each owns its pooling allocator and epoch ticker. Compiled guests are cached
/// per engine so each WAT file compiles once per test run.
/// </summary>
public sealed class RuntimeFixture : IAsyncLifetime
{
    private readonly Dictionary<(bool Fuel, string Name), CompiledComponent> _compiled = [];
    private readonly Lock _lock = new();
    private EpochTicker? _ticker;
    private EpochTicker? _fuelTicker;

    public InMemoryKeyValueStore KeyValue { get; } = new(new KeyValueOptions { MaxEntriesPerComponent = 8 });

    public InMemoryConfigSource Config { get; } = new();

    public SandboxEngine Engine { get; private set; } = null!;

    public SandboxEngine FuelEngine { get; private set; } = null!;

    public ComponentSandbox Sandbox { get; private set; } = null!;

    public ComponentSandbox FuelSandbox { get; private set; } = null!;

    public static RuntimeOptions TestOptions(bool fuel = false) => new()
    {
        EnableFuel = fuel,
        PoolTotalComponentInstances = 32,
        PoolTotalMemories = 64,
        PoolTotalTables = 64,
        PoolTotalCoreInstances = 256,
    };

    public ValueTask InitializeAsync()
    {
        var config = new TestConfigSource(Config);
        Engine = new SandboxEngine(TestOptions(), HostCapabilities.Standard(KeyValue, config));
        FuelEngine = new SandboxEngine(TestOptions(fuel: true), HostCapabilities.Standard(KeyValue, config));
        Sandbox = new ComponentSandbox(Engine);
        FuelSandbox = new ComponentSandbox(FuelEngine);
        _ticker = new EpochTicker(Engine);
        _fuelTicker = new EpochTicker(FuelEngine);
        _ticker.StartAsync(default);
        _fuelTicker.StartAsync(default);
        return ValueTask.CompletedTask;
    }

    public CompiledComponent Wat(string name, bool fuel = false)
    {
        lock (_lock)
        {
            if (!_compiled.TryGetValue((fuel, name), out var compiled))
            {
                compiled = (fuel ? FuelEngine : Engine).CompileText(Guests.Wat(name));
                _compiled[(fuel, name)] = compiled;
            }

            return compiled;
        }
    }

    public static CompiledComponentCache NewCache(SandboxEngine engine) => new(engine, NullLogger<CompiledComponentCache>.Instance);

    public ValueTask DisposeAsync()
    {
        _ticker?.Dispose();
        _fuelTicker?.Dispose();
        Engine.Dispose();
        FuelEngine.Dispose();
        return ValueTask.CompletedTask;
    }
}
