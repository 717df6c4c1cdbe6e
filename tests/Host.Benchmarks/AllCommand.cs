using System.Diagnostics;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// Issue 11's one command: every figure with a target, measured in one process, printed as one
/// table and written to <c>BenchmarkResults/bench.json</c> and <c>bench.md</c>. Each command's
/// detail lines are printed as it runs. The live-sandbox memory figure runs first, in a process no
/// benchmark has used yet; the table keeps the issue's order.
/// </summary>
internal static class AllCommand
{
    public static int Run(bool quick) => RunAsync(quick ? BenchScale.Quick : BenchScale.Full).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(BenchScale scale)
    {
        var output = Console.Out;
        var at = DateTimeOffset.UtcNow;
        var total = Stopwatch.StartNew();

        var liveSandboxes = Step("4a memory: live sandboxes", () => MemoryCommand.LiveSandboxesFigures(output));
        var latency = Step("1 fresh sandbox vs raw Wasmtime", () => LatencyCommand.Measure(scale.LatencyCalls, output));
        var trend = Step("4b memory: RSS over invocations", () => MemoryCommand.InvocationTrendFigures(scale.Invocations, scale.InvocationSample, output));
        var events = await StepAsync("2 events", () => EventsCommand.MeasureAsync(scale.Events, output, scale.OutboxCap));
        var http = await StepAsync("3 HTTP invoke vs native", () => HttpCommand.MeasureAsync(scale.HttpRound, scale.HttpRounds, output));
        var coldStart = await StepAsync("5 cold start", () => ColdStartCommand.MeasureAsync(scale.ColdStartVersions, output));
        var guests = Step("6 guests by language", () => GuestsCommand.Measure(scale.GuestCalls, output,
            ["rust-std-event-handler.wasm", "go-event-handler.wasm", "js-event-handler.wasm"]));

        var report = new BenchReport
        {
            At = at,
            Mode = scale.Name,
            Duration = total.Elapsed,
            Sections =
            [
                new(1, "Fresh sandbox vs raw Wasmtime.Dotnet", latency),
                new(2, "Events", events),
                new(3, "HTTP invoke vs native", http),
                new(4, "Memory", [.. liveSandboxes, .. trend]),
                new(5, "Cold start", coldStart),
            ],
            Guests = guests,
        };
        report.WriteTo(RepositoryPaths.Results);

        output.WriteLine();
        output.Write(report.ToText());
        output.WriteLine();
        output.WriteLine($"Written to {Path.Combine(RepositoryPaths.Results, "bench.json")} and bench.md");
        return 0;

        T Step<T>(string name, Func<T> measure)
        {
            output.WriteLine($"==> {name}");
            var stopwatch = Stopwatch.StartNew();
            var result = measure();
            output.WriteLine(FigureText.Invariant($"    ({stopwatch.Elapsed.TotalSeconds:F0} s)"));
            return result;
        }

        async Task<T> StepAsync<T>(string name, Func<Task<T>> measure)
        {
            output.WriteLine($"==> {name}");
            var stopwatch = Stopwatch.StartNew();
            var result = await measure();
            output.WriteLine(FigureText.Invariant($"    ({stopwatch.Elapsed.TotalSeconds:F0} s)"));
            return result;
        }
    }
}
