using System.Diagnostics.Metrics;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>
/// Invocation metrics on the <c>ExtensibilityHost</c> meter (exported at <c>/metrics</c> by Host.Api):
/// calls by outcome, their duration and their wait for an execution slot. Tenants are deliberately not a tag: a SaaS may have
/// thousands, and the invocation log answers per-tenant questions.
/// </summary>
internal sealed class InvocationMetrics : IDisposable
{
    public const string MeterName = "ExtensibilityHost";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _invocations;
    private readonly Histogram<double> _duration;
    private readonly Histogram<double> _slotWait;

    public InvocationMetrics()
    {
        _invocations = _meter.CreateCounter<long>("exthost.invocations", unit: "{invocation}", description: "Calls of tenant code, by outcome.");
        _duration = _meter.CreateHistogram<double>("exthost.invocation.duration", unit: "ms", description: "Instantiation plus call, by outcome.");
        _slotWait = _meter.CreateHistogram<double>(
            "exthost.invocation.slot_wait", unit: "ms", description: "How long a guest call waited for an execution slot before it started.");
    }

    public void Record(InvocationResult result)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", result.Outcome.ToWireName());
        _invocations.Add(1, outcome);
        _duration.Record(result.Duration.TotalMilliseconds, outcome);
    }

    /// <summary>Records how long a call waited for an execution slot (<c>GuestCallScheduler</c>).</summary>
    public void RecordSlotWait(TimeSpan waited) => _slotWait.Record(waited.TotalMilliseconds);

    public void Dispose() => _meter.Dispose();
}
