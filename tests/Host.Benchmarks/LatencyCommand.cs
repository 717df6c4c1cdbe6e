using System.Diagnostics;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using Wasmtime;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// Per-call latency percentiles (BenchmarkDotNet reports per-iteration statistics, not per call)
/// and throughput of fresh-sandbox invocation of <c>add.wat</c>: raw Wasmtime.Dotnet doing the
/// same work (new store, limits, epoch deadline, instantiate through the host's linker, call — the
/// floor), and the sandbox with and without WASI: an engine that links no WASI, one that links it
/// (what the host runs), and a component that imports WASI and so gets a WASI context per call.
/// Variants run interleaved, in rounds, so a noisy machine affects them alike.
/// </summary>
internal static class LatencyCommand
{
    private const int Rounds = 10;
    private const int WarmUpCalls = 20_000;
    private static readonly ComponentValue[] Arguments = [ComponentValue.U32(40), ComponentValue.U32(2)];

    public static int Run(int calls)
    {
        Measure(calls, Console.Out);
        return 0;
    }

    /// <summary>Measures, prints the details to <paramref name="output"/> and returns the host-versus-raw figures.</summary>
    public static IReadOnlyList<Figure> Measure(int calls, TextWriter output)
    {
        using var withoutWasi = NewEngine(new WasiPolicy(new WasiOptions { Enabled = false }));
        using var withWasi = NewEngine(WasiPolicy.Default);
        using var tickerA = new EpochTicker(withoutWasi);
        using var tickerB = new EpochTicker(withWasi);
        tickerA.StartAsync(default).GetAwaiter().GetResult();
        tickerB.StartAsync(default).GetAwaiter().GetResult();

        var add = Guests.Wat("add");
        var hostAdd = withWasi.CompileText(add);
        Variant[] variants =
        [
            new("raw Wasmtime.Dotnet (same engine and linker)", RawCall(withWasi, hostAdd)),
            new("WASI not linked", SandboxCall(withoutWasi, withoutWasi.CompileText(add))),
            new("WASI linked, component imports none", SandboxCall(withWasi, hostAdd)),
            new("WASI linked, component imports WASI (context per call)", SandboxCall(withWasi, withWasi.CompileText(Importing(add, WasiImport)))),
            new("component imports key-value.set (wrapped, adapter per call)", SandboxCall(withWasi, withWasi.CompileText(Importing(add, KeyValueImport)))),
        ];
        const int Raw = 0;
        const int Host = 2;

        var perRound = Math.Max(1, calls / Rounds);
        var sorted = InterleavedSamples.Take([.. variants.Select(v => (v.Invoke, (Action?)null))], WarmUpCalls, perRound, Rounds);
        var p50 = sorted.Select(s => Percentiles.OfSorted(s, 50)).ToArray();
        var p99 = sorted.Select(s => Percentiles.OfSorted(s, 99)).ToArray();
        output.WriteLine(FigureText.Invariant($"fresh sandbox invoke of add.wat, 1 thread, {perRound * Rounds} calls per variant in {Rounds} interleaved rounds:"));
        for (var v = 0; v < variants.Length; v++)
        {
            output.WriteLine(FigureText.Invariant(
                $"  {variants[v].Name,-56} p50 {p50[v],6:F1} µs  p99 {p99[v],6:F1} µs  p50 ratio to raw {p50[v] / p50[Raw]:F2}"));
        }

        var throughput = new double[2, variants.Length];
        foreach (var threads in new[] { 1, 2 })
        {
            for (var v = 0; v < variants.Length; v++)
            {
                var variant = variants[v];
                var stopwatch = Stopwatch.StartNew();
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
                {
                    for (var i = 0; i < perRound * Rounds; i++)
                    {
                        variant.Invoke();
                    }
                });
                throughput[threads - 1, v] = threads * perRound * Rounds / stopwatch.Elapsed.TotalSeconds;
                output.WriteLine(FigureText.Invariant($"  {threads} thread(s), {variant.Name,-56} {throughput[threads - 1, v],9:N0} calls/s"));
            }
        }

        var calledEach = FigureText.Invariant($"{perRound * Rounds:N0} calls each, interleaved with raw in {Rounds} rounds");
        return
        [
            Figure.Versus("fresh sandbox p50: ComponentSandbox.Invoke, add.wat", p50[Host], "µs", p50[Raw], "raw", calledEach),
            Figure.Plain("fresh sandbox p50: raw Wasmtime.Dotnet, same work", p50[Raw], "µs", calledEach),
            Figure.Versus("fresh sandbox p99: ComponentSandbox.Invoke, add.wat", p99[Host], "µs", p99[Raw], "raw", calledEach),
            Figure.Plain("fresh sandbox p99: raw Wasmtime.Dotnet, same work", p99[Raw], "µs", calledEach),
            Figure.Versus("fresh sandbox throughput, 1 thread: host", throughput[0, Host], "calls/s", throughput[0, Raw], "raw"),
            Figure.Plain("fresh sandbox throughput, 1 thread: raw", throughput[0, Raw], "calls/s"),
            Figure.Versus("fresh sandbox throughput, 2 threads: host", throughput[1, Host], "calls/s", throughput[1, Raw], "raw"),
            Figure.Plain("fresh sandbox throughput, 2 threads: raw", throughput[1, Raw], "calls/s"),
        ];
    }

    private static SandboxEngine NewEngine(WasiPolicy wasi) =>
        new(new RuntimeOptions(), HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), new InMemoryConfigSource(), wasi: wasi));

    /// <summary>
    /// What <see cref="InvocationBenchmarks.RawFreshInstantiateAndCall"/> does: the sandbox's work
    /// without its wrapper (no context, log, outcome classification or timing).
    /// </summary>
    private static Action RawCall(SandboxEngine engine, CompiledComponent component)
    {
        var limits = SandboxLimits.Default;
        return () =>
        {
            using var store = new Store(engine.Engine);
            store.SetLimits(limits.MemoryBytes, limits.TableElements, limits.Instances, limits.Tables, limits.Memories);
            store.SetEpochDeadline(100);
            var result = engine.Linker.Instantiate(store, component.Component).GetFunction("add")!.Call(Arguments)!.AsU32();
            if (result != 42)
            {
                throw new InvalidOperationException($"raw add returned {result}");
            }
        };
    }

    private static Action SandboxCall(SandboxEngine engine, CompiledComponent component)
    {
        var sandbox = new ComponentSandbox(engine);
        var target = new InvocationTarget(null, "add");
        var context = InvocationContext.Local("bench");
        return () =>
        {
            var result = sandbox.Invoke(component, target, Arguments, context);
            if (result.Outcome != InvocationOutcome.Ok)
            {
                throw new InvalidOperationException($"{result.Outcome} {result.Error}");
            }
        };
    }

    /// <summary>A WASI interface, nothing used from it: enough for a WASI context per call.</summary>
    private const string WasiImport = "(import \"wasi:cli/environment@0.2.0\" (instance))";

    /// <summary>key-value's set, unused: enough for the host to wrap the component (KeyValueSetLowering).</summary>
    private const string KeyValueImport =
        "(import \"saas:extensibility/key-value@1.0.0\" (instance (export \"set\" (func (param \"key\" string) (param \"value\" (list u8)) (result (result (error string)))))))";

    /// <summary><c>add.wat</c> also importing <paramref name="import"/>.</summary>
    private static string Importing(string wat, string import)
    {
        const string Start = "(component";
        var at = wat.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        return string.Concat(wat.AsSpan(0, at), "\n  ", import, wat.AsSpan(at));
    }

    private sealed record Variant(string Name, Action Invoke);
}
