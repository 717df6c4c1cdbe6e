using System.Diagnostics;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// Per-call latency samples of several variants of one call, taken the same way for every variant:
/// a warm-up, then rounds in which each variant runs in turn, so a noisy machine affects them alike.
/// </summary>
internal static class InterleavedSamples
{
    /// <summary>
    /// Runs each of <paramref name="calls"/> <paramref name="warmUp"/> times, then
    /// <paramref name="rounds"/> rounds of <paramref name="perRound"/> timed calls each, and returns
    /// every variant's samples in microseconds, sorted ascending. A variant's <c>Untimed</c> step
    /// (when not null) runs before each of its calls, outside the timing.
    /// </summary>
    public static double[][] Take(IReadOnlyList<(Action Invoke, Action? Untimed)> calls, int warmUp, int perRound, int rounds)
    {
        foreach (var (invoke, untimed) in calls)
        {
            for (var i = 0; i < warmUp; i++)
            {
                untimed?.Invoke();
                invoke();
            }
        }

        var samples = calls.Select(_ => new List<double>(perRound * rounds)).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var v = 0; v < calls.Count; v++)
            {
                var (invoke, untimed) = calls[v];
                for (var i = 0; i < perRound; i++)
                {
                    untimed?.Invoke();
                    var started = Stopwatch.GetTimestamp();
                    invoke();
                    samples[v].Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                }
            }
        }

        return [.. samples.Select(s => s.Order().ToArray())];
    }
}
