namespace ExtensibilityHost.Testing.Api;

/// <summary>
/// What one round of <see cref="NoisyNeighbourScenario"/> saw: the quiet tenant's latencies and
/// failures, the health probes' latencies and failures, and every answer the noisy tenant got.
/// Latencies are of 200 responses only, in milliseconds, sorted ascending.
/// </summary>
public sealed record NoisyNeighbourRound
{
    /// <summary>Whether the noisy tenant attacked during the round.</summary>
    public required bool Attacked { get; init; }

    /// <summary>How long the round ran.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>The quiet tenant's extension point calls answered 200, in ms.</summary>
    public required IReadOnlyList<double> QuietLatenciesMs { get; init; }

    /// <summary>The quiet tenant's other answers, by <c>status problem-type</c> (or exception type); empty when all were 200.</summary>
    public required IReadOnlyDictionary<string, int> QuietFailures { get; init; }

    /// <summary><c>/health/live</c> answered 200, in ms.</summary>
    public required IReadOnlyList<double> LiveLatenciesMs { get; init; }

    /// <summary><c>/health/ready</c> answered 200, in ms.</summary>
    public required IReadOnlyList<double> ReadyLatenciesMs { get; init; }

    /// <summary>Health probes not answered 200, by <c>path status</c>.</summary>
    public required IReadOnlyDictionary<string, int> HealthFailures { get; init; }

    /// <summary>The noisy tenant's requests sent.</summary>
    public required int NoisySent { get; init; }

    /// <summary>
    /// The noisy tenant's answers, by <c>status kind</c>: the problem type of a failure
    /// (<c>429 rate-limited</c>, <c>429 concurrency-limited</c>, <c>504 timeout</c>,
    /// <c>507 out-of-memory</c>, …) or <c>200 ok</c>.
    /// </summary>
    public required IReadOnlyDictionary<string, int> NoisyAnswers { get; init; }

    /// <summary>
    /// What the process and the machine did meanwhile: the cores this process used, the cores the
    /// rest of the machine used (others' builds and tests: the noise), the thread pool's threads and
    /// its worst lag (a 10 ms timer's lateness), and the time the GC paused the process.
    /// </summary>
    public required NoisyNeighbourMachine Machine { get; init; }

    /// <summary>The first body of each of the noisy tenant's answers that is a server error other than the guest's own failures (500, 503, …), by kind.</summary>
    public required IReadOnlyDictionary<string, string> NoisyServerErrors { get; init; }

    /// <summary>The noisy tenant's answers of status 429, whatever the limit.</summary>
    public int NoisyTooManyRequests => NoisyAnswers.Where(a => a.Key.StartsWith("429 ", StringComparison.Ordinal)).Sum(a => a.Value);

    /// <summary>How many of the noisy tenant's answers were <paramref name="answer"/> (e.g. <c>504 timeout</c>).</summary>
    public int Noisy(string answer) => NoisyAnswers.GetValueOrDefault(answer);

    /// <summary>The <paramref name="percentile"/>th percentile (nearest rank) of sorted samples; NaN when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        return sorted.Count == 0
            ? double.NaN
            : sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Counts as text: <c>12× 429 rate-limited, 3× 504 timeout</c>, or <c>none</c>.</summary>
    public static string Describe(IReadOnlyDictionary<string, int> counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Count == 0
            ? "none"
            : string.Join(", ", counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Value}× {c.Key}")));
    }
}
