using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Persistence;

/// <summary>
/// One writer at a time, in process, for the host's busy background writers on SQLite (the
/// invocation log, the outbox's group commit, the dispatcher's transitions). SQLite has one write
/// lock per file and a writer that finds it taken sleeps in its busy handler (1 ms and up) before
/// trying again; writers that queue here instead hand the lock on at once. On SQL Server the gate
/// is open: its row locks let writers run side by side.
/// </summary>
internal sealed class SqliteWriteGate(IOptions<PersistenceOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly bool _enabled = options.Value.Provider == DatabaseProvider.Sqlite;

    /// <summary>Waits for the gate; dispose the result to let the next writer in.</summary>
    public async ValueTask<Pass> EnterAsync(CancellationToken cancellationToken)
    {
        if (!_enabled)
        {
            return default;
        }

        await _semaphore.WaitAsync(cancellationToken);
        return new Pass(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    /// <summary>Holding the gate.</summary>
    internal readonly struct Pass(SemaphoreSlim? semaphore) : IDisposable
    {
        public void Dispose() => semaphore?.Release();
    }
}
