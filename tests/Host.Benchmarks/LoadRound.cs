namespace ExtensibilityHost.Benchmarks;

/// <summary>One round of load: how long it ran and each request's latency in microseconds.</summary>
internal sealed record LoadRound(TimeSpan Elapsed, IReadOnlyList<double> Latencies);
