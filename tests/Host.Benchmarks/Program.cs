using BenchmarkDotNet.Running;
using ExtensibilityHost.Benchmarks;

// `latency [calls]` prints per-call percentiles and throughput; anything else goes to BenchmarkDotNet.
if (args is ["latency", ..])
{
    return LatencyCommand.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
}

// `events [count]` publishes domain events in-process to one sync subscriber and prints events/s.
if (args is ["events", ..])
{
    return EventsCommand.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000);
}

BenchmarkSwitcher.FromAssembly(typeof(InvocationBenchmarks).Assembly).Run(args);
return 0;
