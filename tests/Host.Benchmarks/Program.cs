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

// Anything else goes to BenchmarkDotNet.
BenchmarkSwitcher.FromAssembly(typeof(InvocationBenchmarks).Assembly).Run(args);
return 0;

int Count(int defaultCount) =>
    args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : defaultCount;
