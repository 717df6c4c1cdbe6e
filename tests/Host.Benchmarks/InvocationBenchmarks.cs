using BenchmarkDotNet.Attributes;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Wasmtime;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// Fresh-sandbox invocation (new store, limits, epoch deadline, instantiate, call, drop) and
/// warm calls, on the small <c>add.wat</c> guest. The raw Wasmtime rows are the floor the
/// sandbox is measured against (same engine, no wrapper).
/// </summary>
[MemoryDiagnoser]
public class InvocationBenchmarks
{
    private static readonly ComponentValue[] Arguments = [ComponentValue.U32(40), ComponentValue.U32(2)];
    private static readonly InvocationTarget Target = new(null, "add");
    private static readonly InvocationContext Context = InvocationContext.Local("bench");

    private SandboxEngine _engine = null!;
    private EpochTicker _ticker = null!;
    private ComponentSandbox _sandbox = null!;
    private CompiledComponent _component = null!;
    private Store _warmStore = null!;
    private ComponentFunction _warmFunction = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new SandboxEngine(new RuntimeOptions(), HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), new InMemoryConfigSource()));
        _ticker = new EpochTicker(_engine);
        _ticker.StartAsync(default).GetAwaiter().GetResult();
        _sandbox = new ComponentSandbox(_engine);
        _component = _engine.CompileText(Guests.Wat("add"));

        _warmStore = new Store(_engine.Engine);
        _warmStore.SetEpochDeadline(ulong.MaxValue / 2);
        _warmFunction = _engine.Linker.Instantiate(_warmStore, _component.Component).GetFunction("add")!;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _warmStore.Dispose();
        _ticker.Dispose();
        _engine.Dispose();
    }

    [Benchmark(Baseline = true, Description = "raw wasmtime: fresh store + instantiate + call")]
    public uint RawFreshInstantiateAndCall()
    {
        using var store = new Store(_engine.Engine);
        store.SetLimits(64L * 1024 * 1024, 20_000, 64, 64, 8);
        store.SetEpochDeadline(100);
        var function = _engine.Linker.Instantiate(store, _component.Component).GetFunction("add")!;
        return function.Call(Arguments)!.AsU32();
    }

    [Benchmark(Description = "sandbox: fresh invoke (limits, context, logs, outcome)")]
    public InvocationOutcome SandboxFreshInvoke() =>
        _sandbox.Invoke(_component, Target, Arguments, Context).Outcome;

    [Benchmark(Description = "warm call on a live instance")]
    public uint WarmCall() => _warmFunction.Call(Arguments)!.AsU32();
}
