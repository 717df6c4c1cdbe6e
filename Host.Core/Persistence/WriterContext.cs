using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core.Persistence;

/// <summary>
/// One long-lived context with its connection open, for a background writer that commits batch
/// after batch: a fresh scope, context and connection per batch cost more than a small batch's
/// own work. Reset after any failure, so the next batch starts clean.
/// </summary>
internal sealed class WriterContext(IServiceScopeFactory scopes) : IAsyncDisposable
{
    private AsyncServiceScope? _scope;
    private HostDbContext? _db;

    /// <summary>The context, with nothing tracked and its connection open.</summary>
    public async Task<HostDbContext> GetAsync(CancellationToken cancellationToken)
    {
        if (_db is null)
        {
            var scope = scopes.CreateAsyncScope();
            _scope = scope;
            _db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
            await _db.Database.OpenConnectionAsync(cancellationToken);
        }

        _db.ChangeTracker.Clear();
        return _db;
    }

    /// <summary>Drops the context; the next <see cref="GetAsync"/> opens a new one.</summary>
    public async ValueTask ResetAsync()
    {
        var scope = _scope;
        _scope = null;
        _db = null;
        if (scope is { } open)
        {
            await open.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => ResetAsync();
}
