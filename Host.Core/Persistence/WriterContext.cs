using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core.Persistence;

/// <summary>
/// One long-lived context with its connection open, for a background writer that commits batch
/// after batch: a fresh scope, context and connection per batch cost more than a small batch's
/// own work. One piece of work at a time (the writer's loop and, while stopping, late callers
/// share it), inside the <see cref="SqliteWriteGate"/>; reset after any failure, so the next
/// batch starts clean.
/// </summary>
internal sealed class WriterContext(IServiceScopeFactory scopes, SqliteWriteGate writeGate) : IAsyncDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private AsyncServiceScope? _scope;
    private HostDbContext? _db;

    /// <summary>Runs <paramref name="work"/> on the context, with nothing tracked and its connection open.</summary>
    public async Task<T> RunAsync<T>(Func<HostDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _turn.WaitAsync();
        try
        {
            using var pass = await writeGate.EnterAsync(CancellationToken.None);
            return await work(await GetAsync());
        }
        catch
        {
            await ResetAsync();
            throw;
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>Runs <paramref name="work"/> on the context (see <see cref="RunAsync{T}"/>).</summary>
    public Task RunAsync(Func<HostDbContext, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return RunAsync(async db =>
        {
            await work(db);
            return true;
        });
    }

    public async ValueTask DisposeAsync()
    {
        await ResetAsync();
        _turn.Dispose();
    }

    private async Task<HostDbContext> GetAsync()
    {
        if (_db is null)
        {
            var scope = scopes.CreateAsyncScope();
            _scope = scope;
            _db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await _db.Database.OpenConnectionAsync();
        }

        _db.ChangeTracker.Clear();
        return _db;
    }

    /// <summary>Drops the context; the next piece of work opens a new one.</summary>
    private async ValueTask ResetAsync()
    {
        var scope = _scope;
        _scope = null;
        _db = null;
        if (scope is { } open)
        {
            await open.DisposeAsync();
        }
    }
}
