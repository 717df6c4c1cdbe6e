using System.Diagnostics;
using System.Globalization;

namespace ExtensibilityHost.Testing.Api;

/// <summary>What the process and the machine did during a <see cref="NoisyNeighbourRound"/>.</summary>
/// <param name="ProcessCores">CPU time of this process (host, load and probes) over the round's wall time, in cores.</param>
/// <param name="OtherCores">CPU time of everything else on the machine over the round's wall time, in cores (Linux; NaN elsewhere).</param>
/// <param name="PoolThreads">The most thread-pool threads seen.</param>
/// <param name="PoolLagMs">The worst lateness of a 10 ms timer on the thread pool, in ms.</param>
/// <param name="GcPauseMs">Time the GC paused the process, in ms.</param>
public sealed record NoisyNeighbourMachine(double ProcessCores, double OtherCores, int PoolThreads, double PoolLagMs, double GcPauseMs)
{
    /// <summary>One line: <c>process 1.21 cores, others 0.35 cores, pool 9 threads (lag ≤ 3.1 ms), GC 12 ms</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"process {ProcessCores:F2} cores, others {OtherCores:F2} cores, pool {PoolThreads} threads (lag ≤ {PoolLagMs:F1} ms), GC paused {GcPauseMs:F0} ms");

    /// <summary>Watches the process and the machine until <paramref name="stop"/> is cancelled.</summary>
    internal static async Task<NoisyNeighbourMachine> WatchAsync(CancellationToken stop)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var machine = MachineBusyTime();
        var gc = GC.GetTotalPauseDuration();
        var started = Stopwatch.GetTimestamp();
        var threads = ThreadPool.ThreadCount;
        var lag = TimeSpan.Zero;
        var interval = TimeSpan.FromMilliseconds(10);
        while (!stop.IsCancellationRequested)
        {
            var before = Stopwatch.GetTimestamp();
            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var late = Stopwatch.GetElapsedTime(before) - interval;
            lag = late > lag ? late : lag;
            threads = Math.Max(threads, ThreadPool.ThreadCount);
        }

        var wall = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var processCpu = process.TotalProcessorTime - cpu;
        var machineCpu = MachineBusyTime() - machine;
        return new NoisyNeighbourMachine(
            processCpu / wall,
            machine is null ? double.NaN : (machineCpu!.Value - processCpu) / wall,
            threads,
            lag.TotalMilliseconds,
            (GC.GetTotalPauseDuration() - gc).TotalMilliseconds);
    }

    /// <summary>Busy CPU time of the whole machine since boot (<c>/proc/stat</c>: all but idle and iowait), or null off Linux.</summary>
    private static TimeSpan? MachineBusyTime()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var busyTicks = fields.Take(8).Sum() - fields[3] - fields[4];

        // USER_HZ is 100 on every Linux the tests run on.
        return TimeSpan.FromSeconds(busyTicks / 100.0);
    }
}
