using System.Diagnostics;

namespace ExtensibilityHost.Core.Compilation;

/// <summary>
/// Compile workers between compilations. Starting one costs 150–250 ms (measured: the .NET runtime
/// and the engine), as much as compiling a small guest several times over; a burst of uploads (a CI
/// publishing, the tests' 1,000 malformed uploads: 3 min with a fresh worker each, 10–17 s with
/// reuse, 6–20 s in-process, all on the same busy machine) reuses warm workers instead. A worker is kept only while it is cheap to keep: at most
/// <see cref="MaxCompilationsPerWorker"/> compilations, at most <see cref="MaxIdleResidentBytes"/>
/// resident after its last one, and <see cref="IdleTimeout"/> idle; one killed at a budget is never kept.
/// </summary>
/// <remarks>
/// Keeping a worker does not weaken the memory budget: its resident memory after a compilation
/// within budget is under the budget, and the next compilation reuses that memory before it grows.
/// </remarks>
internal sealed class CompileWorkerPool : IDisposable
{
    /// <summary>Bounds what one worker's engine may accumulate (its type registry, a fragmented heap) between restarts.</summary>
    public const int MaxCompilationsPerWorker = 100;

    /// <summary>A worker holding more than this after a big compilation is not kept idle with it.</summary>
    public const long MaxIdleResidentBytes = 256L * 1024 * 1024;

    /// <summary>An idle worker is stopped after this long, so a quiet host holds no worker.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(1);

    private readonly CompileWorkerCommand _command;
    private readonly byte[] _engineSettings;
    private readonly Stack<CompileWorkerProcess> _idle = new();
    private readonly Lock _lock = new();
    private readonly Timer _sweep;
    private bool _disposed;

    public CompileWorkerPool(CompileWorkerCommand command, byte[] engineSettings)
    {
        _command = command;
        _engineSettings = engineSettings;
        _sweep = new Timer(_ => StopIdle(IdleTimeout), null, IdleTimeout, IdleTimeout);
    }

    /// <summary>An idle worker, or a new one.</summary>
    /// <exception cref="InvalidOperationException">The worker program could not be started.</exception>
    public async Task<CompileWorkerProcess> RentAsync(CancellationToken cancellationToken)
    {
        while (Take() is { } idle)
        {
            if (idle.IsUsable)
            {
                return idle;
            }

            idle.Dispose();
        }

        return await CompileWorkerProcess.StartAsync(_command, _engineSettings, cancellationToken);
    }

    /// <summary>Takes back a worker that answered; keeps it idle when it is worth keeping, stops it otherwise.</summary>
    public void Return(CompileWorkerProcess worker)
    {
        if (worker.IsUsable && worker.Compilations < MaxCompilationsPerWorker && worker.ResidentBytes <= MaxIdleResidentBytes)
        {
            worker.IdleSince = Stopwatch.GetTimestamp();
            lock (_lock)
            {
                if (!_disposed)
                {
                    _idle.Push(worker);
                    return;
                }
            }
        }

        worker.Dispose();
    }

    /// <summary>Stops every idle worker.</summary>
    public void Dispose()
    {
        _sweep.Dispose();
        lock (_lock)
        {
            _disposed = true;
        }

        StopIdle(TimeSpan.Zero);
    }

    private CompileWorkerProcess? Take()
    {
        lock (_lock)
        {
            return _idle.TryPop(out var worker) ? worker : null;
        }
    }

    private void StopIdle(TimeSpan idleFor)
    {
        List<CompileWorkerProcess> stopped = [];
        lock (_lock)
        {
            var kept = _idle.Where(w => Stopwatch.GetElapsedTime(w.IdleSince) < idleFor).Reverse().ToList();
            stopped.AddRange(_idle.Except(kept));
            _idle.Clear();
            foreach (var worker in kept)
            {
                _idle.Push(worker);
            }
        }

        foreach (var worker in stopped)
        {
            worker.Dispose();
        }
    }
}
