using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Mvc;

namespace ExtensibilityHost.Api.Problems;

/// <summary>
/// <c>exthost.problems</c> on the <c>ExtensibilityHost</c> meter (exported at <c>/metrics</c>): every
/// problem response the API writes, counted under one label, <c>type</c>, the last segment of its
/// problem type (<c>rate-limited</c>, <c>component-invalid</c>, <c>timeout</c>, …). A failure class is
/// therefore one problem type and one metric label; a failed call of tenant code is also counted in
/// <c>exthost.invocations</c> under an <c>outcome</c> with the same name (docs/api.md).
/// </summary>
internal sealed class ProblemMetrics
{
    public const string MeterName = "ExtensibilityHost";
    public const string CounterName = "exthost.problems";

    private readonly Counter<long> _problems;

    public ProblemMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _problems = meters.Create(MeterName).CreateCounter<long>(CounterName, unit: "{response}", description: "Problem responses of the API, by problem type.");
    }

    public void Record(ProblemDetails problem) => _problems.Add(1, new KeyValuePair<string, object?>("type", ProblemTypes.Label(problem.Type)));
}
