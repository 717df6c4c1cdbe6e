using System.Diagnostics;
using System.Globalization;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Wasmtime.Components;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// Per-call latency percentiles (BenchmarkDotNet reports per-iteration statistics, not per call)
/// and two-thread throughput of fresh-sandbox invocation. Prints figures; asserts nothing.
/// </summary>
internal static class LatencyCommand
{
    public static int Run(int calls)
    {
        using var engine = new SandboxEngine(new RuntimeOptions(), HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), new InMemoryConfigSource()));
        using var ticker = new EpochTicker(engine);
        ticker.StartAsync(default).GetAwaiter().GetResult();
        var sandbox = new ComponentSandbox(engine);
        var component = engine.CompileText(BenchGuests.Wat("add"));
        ComponentValue[] arguments = [ComponentValue.U32(40), ComponentValue.U32(2)];
        var target = new InvocationTarget(null, "add");
        var context = InvocationContext.Local("bench");

        for (var i = 0; i < 20_000; i++)
        {
            sandbox.Invoke(component, target, arguments, context);
        }

        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            sandbox.Invoke(component, target, arguments, context);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(samples);
        Print($"fresh sandbox invoke, 1 thread, {calls} calls: p50 {Percentile(samples, 50):F1} µs, p99 {Percentile(samples, 99):F1} µs, max {samples[^1]:F1} µs");

        foreach (var threads in new[] { 1, 2 })
        {
            var perThread = calls;
            var stopwatch = Stopwatch.StartNew();
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
            {
                for (var i = 0; i < perThread; i++)
                {
                    sandbox.Invoke(component, target, arguments, context);
                }
            });
            Print($"fresh sandbox invoke, {threads} thread(s): {threads * perThread / stopwatch.Elapsed.TotalSeconds:N0} calls/s");
        }

        return 0;
    }

    private static double Percentile(double[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static void Print(string line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
