using BenchmarkDotNet.Running;
using ExtensibilityHost.Benchmarks;

// `latency [calls]` prints per-call percentiles and throughput, with and without WASI; anything else goes to BenchmarkDotNet.
if (args is ["latency", ..])
{
    return LatencyCommand.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);
}

// `guests [calls]` prints size, compile time and cold start of the event handler in each guest language.
if (args is ["guests", ..])
{
    return GuestsCommand.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200);
}

// `events [count]` publishes domain events in-process to one sync subscriber and prints events/s.
if (args is ["events", ..])
{
    return EventsCommand.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5_000);
}

BenchmarkSwitcher.FromAssembly(typeof(InvocationBenchmarks).Assembly).Run(args);
return 0;
