using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Persistence;

/// <summary>
/// Creates and upgrades the schema with the provider's migrations before the host serves
/// anything (never <c>EnsureCreated</c>, so a database made today upgrades tomorrow).
/// </summary>
internal sealed partial class DatabaseMigrator(IServiceScopeFactory scopes, ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<HostDbContext>().Database;
        var pending = (await database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (database.IsSqlite())
        {
            // Write-ahead logging lets readers proceed while a writer commits; it is a property of the file.
            await database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await database.MigrateAsync(cancellationToken);
        if (pending.Count > 0)
        {
            var names = string.Join(", ", pending);
            LogMigrated(pending.Count, names);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} database migration(s): {Migrations}")]
    private partial void LogMigrated(int count, string migrations);
}
