using System.Diagnostics;
using System.Globalization;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// Per-call latency percentiles (BenchmarkDotNet reports per-iteration statistics, not per call)
/// and throughput of fresh-sandbox invocation of <c>add.wat</c>, with and without WASI: an
/// engine that links no WASI, one that links it (what the host runs), and a component that
/// imports WASI and so gets a WASI context per call. Variants run interleaved, in rounds, so
/// a noisy machine affects them alike. Prints figures; asserts nothing.
/// </summary>
internal static class LatencyCommand
{
    private const int Rounds = 10;

    public static int Run(int calls)
    {
        using var withoutWasi = NewEngine(new WasiPolicy(new WasiOptions { Enabled = false }));
        using var withWasi = NewEngine(WasiPolicy.Default);
        using var tickerA = new EpochTicker(withoutWasi);
        using var tickerB = new EpochTicker(withWasi);
        tickerA.StartAsync(default).GetAwaiter().GetResult();
        tickerB.StartAsync(default).GetAwaiter().GetResult();

        var add = Guests.Wat("add");
        Variant[] variants =
        [
            new("WASI not linked", new ComponentSandbox(withoutWasi), withoutWasi.CompileText(add)),
            new("WASI linked, component imports none", new ComponentSandbox(withWasi), withWasi.CompileText(add)),
            new("WASI linked, component imports WASI (context per call)", new ComponentSandbox(withWasi), withWasi.CompileText(ImportingWasi(add))),
        ];

        foreach (var variant in variants)
        {
            for (var i = 0; i < 20_000; i++)
            {
                variant.Invoke();
            }
        }

        var perRound = Math.Max(1, calls / Rounds);
        var samples = variants.Select(_ => new List<double>(perRound * Rounds)).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                for (var i = 0; i < perRound; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    variants[v].Invoke();
                    samples[v].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }
            }
        }

        var baseline = Percentile(samples[0], 50);
        Print($"fresh sandbox invoke of add.wat, 1 thread, {perRound * Rounds} calls per variant in {Rounds} interleaved rounds:");
        for (var v = 0; v < variants.Length; v++)
        {
            var p50 = Percentile(samples[v], 50);
            Print($"  {variants[v].Name,-56} p50 {p50,6:F1} µs  p99 {Percentile(samples[v], 99),6:F1} µs  p50 ratio {p50 / baseline:F2}");
        }

        foreach (var threads in new[] { 1, 2 })
        {
            foreach (var variant in variants)
            {
                var stopwatch = Stopwatch.StartNew();
                Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
                {
                    for (var i = 0; i < perRound * Rounds; i++)
                    {
                        variant.Invoke();
                    }
                });
                Print($"  {threads} thread(s), {variant.Name,-56} {threads * perRound * Rounds / stopwatch.Elapsed.TotalSeconds,9:N0} calls/s");
            }
        }

        return 0;
    }

    private static SandboxEngine NewEngine(WasiPolicy wasi) =>
        new(new RuntimeOptions(), HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), new InMemoryConfigSource(), wasi: wasi));

    /// <summary><c>add.wat</c> also importing a WASI interface (with nothing used from it): enough for a WASI context per call.</summary>
    private static string ImportingWasi(string wat)
    {
        const string Start = "(component";
        var at = wat.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        return string.Concat(wat.AsSpan(0, at), "\n  (import \"wasi:cli/environment@0.2.0\" (instance))", wat.AsSpan(at));
    }

    private static double Percentile(List<double> samples, int percentile)
    {
        var sorted = samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    private static void Print(string line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    private sealed record Variant(string Name, ComponentSandbox Sandbox, CompiledComponent Component)
    {
        private static readonly ComponentValue[] Arguments = [ComponentValue.U32(40), ComponentValue.U32(2)];
        private static readonly InvocationTarget Target = new(null, "add");
        private static readonly InvocationContext Context = InvocationContext.Local("bench");

        public void Invoke()
        {
            var result = Sandbox.Invoke(Component, Target, Arguments, Context);
            if (result.Outcome != InvocationOutcome.Ok)
            {
                throw new InvalidOperationException($"{Name}: {result.Outcome} {result.Error}");
            }
        }
    }
}
