namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// One measured figure of a benchmark: what was measured, its target (if it has one), the value
/// and its unit, a ratio — to the target, or to the baseline it is compared with — and whether the
/// target is met. Commands return these; <c>all</c> collects them into one table.
/// </summary>
/// <param name="Measure">What was measured, and how, in a few words.</param>
/// <param name="Target">The target as text (<c>≥ 5,000 events/s</c>), or null for a figure without one.</param>
/// <param name="Value">The figure, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The unit of <paramref name="Value"/> (<c>µs</c>, <c>events/s</c>, <c>KiB</c>, …).</param>
/// <param name="Ratio">The figure over the target, or over <paramref name="RatioTo"/>.</param>
/// <param name="RatioTo">What the ratio is relative to: <c>target</c>, <c>raw</c>, <c>native</c>, ….</param>
/// <param name="Met">Whether the target is met; null without a target.</param>
/// <param name="Note">How the figure was obtained, when the measure alone does not say.</param>
internal sealed record Figure(
    string Measure, string? Target, double Value, string Unit, double? Ratio = null, string? RatioTo = null, bool? Met = null, string? Note = null)
{
    /// <summary>A figure without target or ratio.</summary>
    public static Figure Plain(string measure, double value, string unit, string? note = null) =>
        new(measure, null, value, unit, Note: note);

    /// <summary>A figure compared with a baseline measured in the same run (no target).</summary>
    public static Figure Versus(string measure, double value, string unit, double baseline, string baselineName, string? note = null) =>
        new(measure, null, value, unit, value / baseline, baselineName, Note: note);

    /// <summary>A figure whose target is a floor: met when <paramref name="value"/> ≥ <paramref name="target"/>.</summary>
    public static Figure AtLeast(string measure, double value, string unit, double target, string? note = null) =>
        new(measure, $"≥ {FigureText.Number(target)} {unit}", value, unit, value / target, "target", value >= target, note);

    /// <summary>A figure whose target is a ceiling: met when <paramref name="value"/> ≤ <paramref name="target"/>.</summary>
    public static Figure AtMost(string measure, double value, string unit, double target, string? note = null) =>
        new(measure, $"≤ {FigureText.Number(target)} {unit}", value, unit, value / target, "target", value <= target, note);
}
