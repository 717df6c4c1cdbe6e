using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ExtensibilityHost.Core.Persistence;

/// <summary>
/// Per-connection SQLite settings, applied whenever EF opens a connection.
/// </summary>
/// <remarks>
/// <c>synchronous=NORMAL</c> with write-ahead logging (set once per file by <see cref="DatabaseMigrator"/>)
/// syncs at checkpoints instead of at every commit: a process crash loses nothing, a power cut may
/// lose the last commits but never corrupts the file. Every invocation writes its log record, so
/// a sync per commit would cap the host at a few hundred invocations a second.
/// <c>busy_timeout</c> makes a writer wait for the single write lock instead of failing at once.
/// It also marks the context as having opened its connection (<see cref="HostDbContext.HasOpenedConnection"/>).
/// </remarks>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        MarkOpened(eventData);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        MarkOpened(eventData);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void MarkOpened(ConnectionEndEventData eventData)
    {
        if (eventData.Context is HostDbContext context)
        {
            context.HasOpenedConnection = true;
        }
    }
}
