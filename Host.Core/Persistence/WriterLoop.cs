namespace ExtensibilityHost.Core.Persistence;

/// <summary>
/// The loop of a background writer, started on first use (no hosted service needs to have run)
/// and at most once, so its owner can wait for it to finish when stopping.
/// </summary>
internal sealed class WriterLoop
{
    private readonly Lock _lock = new();
    private Task? _task;

    /// <summary>Starts <paramref name="loop"/> on the thread pool unless it has been started already.</summary>
    public void EnsureStarted(Func<Task> loop)
    {
        if (Volatile.Read(ref _task) is not null)
        {
            return;
        }

        lock (_lock)
        {
            _task ??= Task.Run(loop);
        }
    }

    /// <summary>The loop, or a completed task when it never started.</summary>
    public Task Completion
    {
        get
        {
            lock (_lock)
            {
                return _task ?? Task.CompletedTask;
            }
        }
    }
}
