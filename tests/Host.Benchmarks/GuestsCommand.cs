using System.Diagnostics;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// The same event handler in each guest language, built from source by tests/guests/build.sh:
/// component size, Cranelift compile time (at upload, once), artifact load time (a node that did
/// not compile it), the first call after approval (the compiled component in memory: fresh store,
/// instantiate, call — every call is one) and the first call of a node that only has the artifact
/// (load + call).
/// </summary>
internal static class GuestsCommand
{
    private static readonly (string Language, string File)[] s_guests =
    [
        ("WAT (hand-written)", "event-handler.wat"),
        ("Rust, hand-written ABI", "rust-event-handler.wasm"),
        ("Rust std + WASI adapter", "rust-std-event-handler.wasm"),
        ("Go 1.24 + WASI adapter", "go-event-handler.wasm"),
        ("JavaScript (StarlingMonkey)", "js-event-handler.wasm"),
    ];

    private static readonly InvocationTarget Handle = new("saas:extensibility/event-handler@1.0.0", "handle");

    public static int Run(int calls)
    {
        Measure(calls, Console.Out);
        return 0;
    }

    /// <summary>Measures every guest, prints a line per guest to <paramref name="output"/> and returns their figures.</summary>
    /// <param name="calls">First calls sampled per guest for the percentiles.</param>
    /// <param name="output">Where the per-guest lines go.</param>
    /// <param name="files">The guests to measure (file names from the list above); all when null.</param>
    public static IReadOnlyList<Figure> Measure(int calls, TextWriter output, IReadOnlyCollection<string>? files = null)
    {
        var figures = new List<Figure>();
        var artifacts = Directory.CreateTempSubdirectory("exthost-bench-artifacts-");
        try
        {
            using var engine = new SandboxEngine(
                new RuntimeOptions { DefaultLimits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(2) } },
                HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), new InMemoryConfigSource()));
            using var ticker = new EpochTicker(engine);
            ticker.StartAsync(default).GetAwaiter().GetResult();
            var sandbox = new ComponentSandbox(engine);

            // The process's own first calls (JIT, Wasmtime's first WASI context) are not any guest's cold start.
            foreach (var file in (string[])["event-handler.wat", "rust-std-event-handler.wasm"])
            {
                Call(sandbox, engine.Compile(Guests.Component(file)));
            }

            output.WriteLine(FigureText.Invariant(
                $"{"guest",-30} {"size",10} {"compile",10} {"artifact load",14} {"first call p50",15} {"p99",9} {"load + call",12}"));
            foreach (var (language, file) in s_guests.Where(g => files is null || files.Contains(g.File)))
            {
                var bytes = Guests.Component(file);
                var started = Stopwatch.GetTimestamp();
                var compiled = engine.Compile(bytes);
                var compile = Stopwatch.GetElapsedTime(started);

                var artifact = Path.Combine(artifacts.FullName, compiled.Sha256 + ".cwasm");
                File.WriteAllBytes(artifact, compiled.Component.Serialize());
                started = Stopwatch.GetTimestamp();
                var loaded = engine.Wrap(compiled.Sha256, Component.DeserializeFile(engine.Engine, artifact));
                var load = Stopwatch.GetElapsedTime(started);
                var loadAndCall = load + Call(sandbox, loaded);

                Call(sandbox, compiled);
                var samples = Enumerable.Range(0, calls).Select(_ => Call(sandbox, compiled).TotalMicroseconds).Order().ToArray();
                var p50 = Percentiles.OfSorted(samples, 50);
                var p99 = Percentiles.OfSorted(samples, 99);
                output.WriteLine(FigureText.Invariant($"{language,-30} {bytes.Length / 1024.0,7:N0} KiB {compile.TotalMilliseconds,7:N0} ms {load.TotalMilliseconds,11:F2} ms {Format(p50),15} {Format(p99),9} {loadAndCall.TotalMilliseconds,9:F2} ms"));

                figures.AddRange(
                [
                    Figure.Plain($"{language}: component size", bytes.Length / 1024.0, "KiB"),
                    Figure.Plain($"{language}: compile (at upload, once)", compile.TotalMilliseconds, "ms"),
                    Figure.Plain($"{language}: artifact load (another node)", load.TotalMilliseconds, "ms"),
                    Figure.Plain($"{language}: first call after approval p50", p50, "µs", FigureText.Invariant($"{calls} fresh-sandbox calls of handle")),
                    Figure.Plain($"{language}: first call after approval p99", p99, "µs", FigureText.Invariant($"{calls} fresh-sandbox calls of handle")),
                    Figure.Plain($"{language}: artifact load + first call", loadAndCall.TotalMilliseconds, "ms", "one sample"),
                ]);
            }
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }

        return figures;
    }

    private static TimeSpan Call(ComponentSandbox sandbox, CompiledComponent component)
    {
        var started = Stopwatch.GetTimestamp();
        var result = sandbox.Invoke(component, Handle, [Event], InvocationContext.Local("bench"));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return result.Outcome == InvocationOutcome.Ok
            ? elapsed
            : throw new InvalidOperationException($"{result.Outcome}: {result.Error}");
    }

    private static ComponentValue Event => ComponentValue.Record(
    [
        new("id", ComponentValue.String("evt-1")),
        new("event-type", ComponentValue.String("order.placed")),
        new("tenant-id", ComponentValue.String("bench")),
        new("occurred-at", ComponentValue.U64(1_764_000_000_000)),
        new("payload", ComponentValue.String("""{"orderId":42}""")),
    ]);

    private static string Format(double microseconds) =>
        microseconds >= 1000 ? FigureText.Invariant($"{microseconds / 1000:F2} ms") : FigureText.Invariant($"{microseconds:F0} µs");
}
