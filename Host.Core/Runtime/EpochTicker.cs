using Microsoft.Extensions.Hosting;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// Advances the engine epoch every <see cref="RuntimeOptions.EpochTick"/>, so a store's epoch
/// deadline is a wall-clock timeout.
/// </summary>
/// <remarks>
/// Runs on a dedicated thread rather than a timer on the thread pool: deadlines must keep being
/// enforced whatever saturates the pool, and while every execution slot runs a guest.
/// </remarks>
public sealed class EpochTicker(SandboxEngine engine) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private int _disposed;

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_thread is not null)
        {
            return Task.CompletedTask;
        }

        var tick = engine.Options.EpochTick;
        var stop = _stop.Token;
        _thread = new Thread(() =>
        {
            // The engine counts whole ticks of wall-clock time rather than wake-ups: each wait
            // oversleeps a little, and one epoch per wait let a 1 s deadline run to 1.14 s.
            while (!stop.WaitHandle.WaitOne(tick))
            {
                engine.AdvanceEpoch();
            }
        })
        {
            IsBackground = true,
            Name = "wasm-epoch-ticker",
            Priority = ThreadPriority.AboveNormal,
        };
        _thread.Start();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // Idempotent: the container disposes the ticker both as itself and as a hosted service.
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Stop();
            _stop.Dispose();
        }
    }

    private void Stop()
    {
        if (!_stop.IsCancellationRequested)
        {
            _stop.Cancel();
        }

        _thread?.Join();
    }
}
