using System.Diagnostics;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Wasmtime;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// Resident memory of sandboxes: (a) 1,000 live instances of <c>add.wat</c> held at once, each in
/// its own store as <see cref="ComponentSandbox"/> makes them, on the host's
/// <see cref="SandboxEngine"/> (pooling allocator) with pools big enough for them; (b) the process's
/// RSS over many fresh-sandbox invocations, sampled at even intervals, and its trend.
/// </summary>
internal static class MemoryCommand
{
    private const int LiveSandboxes = 1_000;
    private static readonly ComponentValue[] Arguments = [ComponentValue.U32(40), ComponentValue.U32(2)];

    public static int Run(int invocations)
    {
        var output = Console.Out;
        LiveSandboxesFigures(output);
        InvocationTrendFigures(invocations, Math.Max(1, invocations / 10), output);
        return 0;
    }

    /// <summary>(a) RSS per live sandbox, and the guest memory pages of it.</summary>
    public static IReadOnlyList<Figure> LiveSandboxesFigures(TextWriter output)
    {
        var before = ProcessMemory.Mappings();
        using var engine = new SandboxEngine(
            new RuntimeOptions
            {
                // Room for every live instance; everything else as the host configures its engine.
                PoolTotalComponentInstances = LiveSandboxes + 8,
                PoolTotalMemories = LiveSandboxes + 8,
                PoolTotalTables = LiveSandboxes + 8,
                PoolTotalCoreInstances = LiveSandboxes + 8,
            },
            HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), new InMemoryConfigSource()));
        var pools = NewLargeMappings(before, ProcessMemory.Mappings());
        if (pools.Count == 0)
        {
            throw new InvalidOperationException("No new reservation of a GiB or more after the engine was built: is the pooling allocator on?");
        }

        var component = engine.CompileText(Guests.Wat("add"));
        var limits = SandboxLimits.Default;
        var stores = new List<Store>(LiveSandboxes);
        var functions = new List<ComponentFunction>(LiveSandboxes);

        // A first store and call outside the measurement: the process's first instantiation (JIT, Wasmtime's lazy state).
        using (var first = new Store(engine.Engine))
        {
            first.SetEpochDeadline(ulong.MaxValue / 2);
            engine.Linker.Instantiate(first, component.Component).GetFunction("add")!.Call(Arguments);
        }

        var baseline = ProcessMemory.SettledResidentBytes();
        var baselinePool = Resident(pools);
        for (var i = 0; i < LiveSandboxes; i++)
        {
            var store = new Store(engine.Engine);
            store.SetLimits(limits.MemoryBytes, limits.TableElements, limits.Instances, limits.Tables, limits.Memories);
            store.SetEpochDeadline(ulong.MaxValue / 2);
            var function = engine.Linker.Instantiate(store, component.Component).GetFunction("add")!;
            function.Call(Arguments);
            stores.Add(store);
            functions.Add(function);
        }

        var held = ProcessMemory.SettledResidentBytes();
        var heldPool = Resident(pools);
        GC.KeepAlive(functions);
        foreach (var store in stores)
        {
            store.Dispose();
        }

        var perSandbox = (held - baseline) / (double)LiveSandboxes;
        var guestPages = (heldPool - baselinePool) / (double)LiveSandboxes;
        output.WriteLine(FigureText.Invariant(
            $"{LiveSandboxes} live sandboxes of add.wat: RSS {baseline / 1048576.0:F1} → {held / 1048576.0:F1} MiB, {perSandbox / 1024:F2} KiB per sandbox, of which guest memory/table pages {guestPages / 1024:F2} KiB"));
        var target = 10 * 1024 + guestPages;
        return
        [
            new Figure($"RSS per live sandbox ({LiveSandboxes:N0} add.wat instances held)", FigureText.Invariant($"≤ 10 KiB + guest pages = {target / 1024:F2} KiB"),
                perSandbox / 1024, "KiB", perSandbox / target, "target", perSandbox <= target,
                "host SandboxEngine, pooling allocator; store per instance as ComponentSandbox makes it; VmRSS delta after GC"),
            Figure.Plain("guest memory/table pages touched per live sandbox (included above)", guestPages / 1024, "KiB",
                "resident bytes inside the engine's pool reservations, /proc/self/smaps"),
        ];
    }

    /// <summary>(b) RSS over <paramref name="invocations"/> fresh-sandbox calls, sampled every <paramref name="every"/>.</summary>
    public static IReadOnlyList<Figure> InvocationTrendFigures(int invocations, int every, TextWriter output)
    {
        using var engine = new SandboxEngine(new RuntimeOptions(),
            HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), new InMemoryConfigSource()));
        using var ticker = new EpochTicker(engine);
        ticker.StartAsync(default).GetAwaiter().GetResult();
        var sandbox = new ComponentSandbox(engine);
        var component = engine.CompileText(Guests.Wat("add"));
        var target = new InvocationTarget(null, "add");
        var context = InvocationContext.Local("bench");

        void Invoke(int calls)
        {
            for (var i = 0; i < calls; i++)
            {
                var result = sandbox.Invoke(component, target, Arguments, context);
                if (result.Outcome != InvocationOutcome.Ok)
                {
                    throw new InvalidOperationException($"{result.Outcome} {result.Error}");
                }
            }
        }

        Invoke(Math.Min(every, 20_000));
        var samples = new List<(long Calls, long Rss)> { (0, ProcessMemory.SettledResidentBytes()) };
        var stopwatch = Stopwatch.StartNew();
        for (var done = 0; done < invocations; done += every)
        {
            Invoke(every);
            samples.Add((done + every, ProcessMemory.SettledResidentBytes()));
        }

        // Least squares of RSS on calls, in bytes per 100,000 calls.
        var meanX = samples.Average(s => (double)s.Calls);
        var meanY = samples.Average(s => (double)s.Rss);
        var slope = samples.Sum(s => (s.Calls - meanX) * (s.Rss - meanY)) / samples.Sum(s => (s.Calls - meanX) * (s.Calls - meanX)) * 100_000;
        var first = samples[0].Rss;
        var last = samples[^1].Rss;
        var series = string.Join(", ", samples.Select(s => FigureText.Invariant($"{s.Rss / 1048576.0:F1}")));
        output.WriteLine(FigureText.Invariant(
            $"RSS over {invocations:N0} fresh-sandbox invocations of add.wat ({stopwatch.Elapsed.TotalSeconds:F1} s), every {every:N0}: {series} MiB; slope {slope / 1024:F1} KiB per 100k"));
        var allowed = first * 0.01;
        var sampled = FigureText.Invariant($"{invocations:N0} invocations, sampled every {every:N0} after GC");
        return
        [
            Figure.Plain("RSS before the invocations", first / 1048576.0, "MiB", sampled),
            Figure.Plain(FigureText.Invariant($"RSS after {invocations:N0} fresh-sandbox invocations"), last / 1048576.0, "MiB", sampled),
            new Figure("RSS trend: least-squares slope per 100k invocations", FigureText.Invariant($"≤ 1% of first RSS = {allowed / 1024:F0} KiB"),
                slope / 1024, "KiB", Math.Abs(slope) / allowed, "target", slope <= allowed, sampled),
        ];
    }

    /// <summary>
    /// Mappings of a GiB or more in <paramref name="after"/> over addresses nothing mapped in
    /// <paramref name="before"/>: the engine's pool reservations (the runtime's own reservations,
    /// split differently as it commits memory, overlap what was there before).
    /// </summary>
    private static List<ProcessMemory.Mapping> NewLargeMappings(IReadOnlyList<ProcessMemory.Mapping> before, IReadOnlyList<ProcessMemory.Mapping> after) =>
        [.. after.Where(m => m.Size >= 1UL << 30 && !before.Any(b => b.Start < m.End && m.Start < b.End))];

    /// <summary>Resident bytes of the mappings now inside <paramref name="regions"/> (a reservation is split as parts of it are made accessible).</summary>
    private static long Resident(IReadOnlyList<ProcessMemory.Mapping> regions) =>
        ProcessMemory.Mappings()
            .Where(m => regions.Any(r => m.Start >= r.Start && m.End <= r.End))
            .Sum(m => m.ResidentBytes);
}
