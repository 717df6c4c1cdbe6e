namespace ExtensibilityHost.Benchmarks;

/// <summary>One round of load: how long it ran, each 200 response's latency in microseconds, and the other responses by status.</summary>
/// <param name="Elapsed">The round's duration.</param>
/// <param name="Latencies">Latency of each 200 response, in microseconds.</param>
/// <param name="Failures">Responses other than 200, counted by status code.</param>
/// <param name="FirstFailure">The status and body of the first response other than 200, if any.</param>
internal sealed record LoadRound(TimeSpan Elapsed, IReadOnlyList<double> Latencies, IReadOnlyDictionary<int, int> Failures, string? FirstFailure);
