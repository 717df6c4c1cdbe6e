namespace ExtensibilityHost.Core.Invocations.Health;

/// <summary>Invocation counts, failure rate, duration percentiles and outcomes of a set of invocations.</summary>
public sealed record InvocationStats
{
    /// <summary>No invocations.</summary>
    public static InvocationStats None { get; } = new() { Invocations = 0, Failures = 0, Outcomes = new Dictionary<string, int>() };

    /// <summary>How many.</summary>
    public required int Invocations { get; init; }

    /// <summary>How many did not end <c>ok</c>.</summary>
    public required int Failures { get; init; }

    /// <summary>Failures per invocation (0 when there were none).</summary>
    public double FailureRate => Invocations == 0 ? 0 : (double)Failures / Invocations;

    /// <summary>Median duration in milliseconds; null without invocations.</summary>
    public double? P50Ms { get; init; }

    /// <summary>99th percentile duration in milliseconds; null without invocations.</summary>
    public double? P99Ms { get; init; }

    /// <summary>Invocations by outcome wire name.</summary>
    public required IReadOnlyDictionary<string, int> Outcomes { get; init; }

    /// <summary>The statistics of <paramref name="samples"/>.</summary>
    public static InvocationStats Of(IEnumerable<InvocationSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var list = samples.ToList();
        if (list.Count == 0)
        {
            return None;
        }

        var durations = list.Select(s => s.DurationMs).Order().ToArray();
        return new InvocationStats
        {
            Invocations = list.Count,
            Failures = list.Count(s => s.Outcome != "ok"),
            P50Ms = Percentile(durations, 50),
            P99Ms = Percentile(durations, 99),
            Outcomes = list.GroupBy(s => s.Outcome, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        };
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, int percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
