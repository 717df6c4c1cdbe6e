using System.Diagnostics;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Calls <c>/health/ready</c> one request after another (20 ms apart) until stopped, timing each:
/// how responsive the host stays while it is busy with something else.
/// </summary>
internal sealed class HealthProbe : IAsyncDisposable
{
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(20);

    private readonly HttpClient _client;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(HttpStatusCode Status, double Milliseconds)> _probes = [];
    private readonly Task _loop;

    private HealthProbe(Uri baseAddress)
    {
        _client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        _loop = Task.Run(LoopAsync);
    }

    public static HealthProbe Start(Uri baseAddress) => new(baseAddress);

    /// <summary>Stops probing and returns the figures.</summary>
    public async Task<Figures> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        var times = _probes.Select(p => p.Milliseconds).Order().ToList();
        return new Figures(
            times.Count,
            _probes.Count(p => p.Status != HttpStatusCode.OK),
            Percentile(times, 0.50),
            Percentile(times, 0.99),
            times.Count == 0 ? 0 : times[^1]);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
        _client.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _client.GetAsync("/health/ready", CancellationToken.None);
                _probes.Add((response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
                await Task.Delay(Pause, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static double Percentile(List<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];

    /// <summary>Probes made, those that did not answer 200, and latency percentiles in milliseconds.</summary>
    public sealed record Figures(int Count, int Failed, double P50, double P99, double Max)
    {
        public override string ToString() =>
            FormattableString.Invariant($"health n={Count} p50 {P50:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms") + (Failed == 0 ? "" : $", {Failed} not 200");
    }
}
