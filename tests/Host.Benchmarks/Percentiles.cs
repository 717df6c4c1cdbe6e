namespace ExtensibilityHost.Benchmarks;

/// <summary>Nearest-rank percentiles of latency samples.</summary>
internal static class Percentiles
{
    /// <summary>The <paramref name="percentile"/>th percentile (nearest rank) of samples sorted ascending.</summary>
    public static double OfSorted(IReadOnlyList<double> sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>The <paramref name="percentile"/>th percentile (nearest rank) of unsorted samples.</summary>
    public static double Of(IEnumerable<double> samples, double percentile) => OfSorted([.. samples.Order()], percentile);
}
