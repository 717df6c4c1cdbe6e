using BenchmarkDotNet.Running;
using ExtensibilityHost.Benchmarks;

// `all [--quick]` measures every figure issue 11 names, prints one table and writes BenchmarkResults/bench.json and bench.md (./bench.sh runs it).
if (args is ["all", ..])
{
    return AllCommand.Run(quick: args.Contains("--quick"));
}

// `latency [calls]` prints per-call percentiles and throughput of the sandbox against raw Wasmtime.Dotnet, with and without WASI.
if (args is ["latency", ..])
{
    return LatencyCommand.Run(Count(200_000));
}

// `calls [calls]` prints p50 and p99 of the host's own saas:extensibility calls (event handler, extension point, host imports), fresh sandbox and warm instance.
if (args is ["calls", ..])
{
    return CallsCommand.Run(Count(100_000));
}

// `guests [calls]` prints size, compile time and cold start of the event handler in each guest language.
if (args is ["guests", ..])
{
    return GuestsCommand.Run(Count(200));
}

// `events [count]` publishes domain events in-process to one sync subscriber, then end to end through the outbox, and prints events/s.
if (args is ["events", ..])
{
    return EventsCommand.Run(Count(5_000));
}

// `memory [invocations]` prints RSS per live sandbox and the RSS trend over fresh-sandbox invocations.
if (args is ["memory", ..])
{
    return MemoryCommand.Run(Count(1_000_000));
}

// `coldstart [versions]` prints the first call after approval, on the node that compiled and on another, and the compilations they caused.
if (args is ["coldstart", ..])
{
    return ColdStartCommand.Run(Count(200));
}

// `http [seconds]` prints requests/s and latency of the HTTP invoke of a guest and of the same work in native C#, rounds of that many seconds.
if (args is ["http", ..])
{
    return HttpCommand.Run(Count(5));
}

// `typed [calls per round]` prints the per-call median of the generated JSON client (PricingJsonClient …) over ExportsClient.For against the untyped ExportsClient.CallAsync, over Kestrel loopback, and the typed conversions alone.
if (args is ["typed", ..])
{
    return TypedClientCommand.Run(Count(1_000));
}

// `noisy [seconds per round] [rounds] [Key=Value ...]` prints the quiet tenant's latency alone and while a noisy one floods the host (issue 12), medians over interleaved rounds.
if (args is ["noisy", ..])
{
    var numbers = args.Skip(1).Where(a => !a.Contains('=', StringComparison.Ordinal)).ToArray();
    var settings = args.Skip(1).Where(a => a.Contains('=', StringComparison.Ordinal))
        .Select(a => a.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1], StringComparer.Ordinal);
    return NoisyCommand.Run(
        numbers.Length > 0 ? double.Parse(numbers[0], System.Globalization.CultureInfo.InvariantCulture) : 8,
        numbers.Length > 1 ? int.Parse(numbers[1], System.Globalization.CultureInfo.InvariantCulture) : 5,
        settings);
}

// Anything else goes to BenchmarkDotNet.
BenchmarkSwitcher.FromAssembly(typeof(InvocationBenchmarks).Assembly).Run(args);
return 0;

int Count(int defaultCount) =>
    args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : defaultCount;
