using System.Text.RegularExpressions;
using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ExtensibilityHost.Core.Tests.Persistence;

/// <summary>Both providers' migrations: SQLite applied to a real file, SQL Server turned into a script (it cannot run here).</summary>
public sealed partial class MigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-db-").FullName;

    private SqliteHostDbContext Sqlite() => new(
        new DbContextOptionsBuilder<SqliteHostDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, "test.db")};Pooling=False").Options,
        new TenantScope());

    private static SqlServerHostDbContext SqlServer() => new(
        new DbContextOptionsBuilder<SqlServerHostDbContext>().UseSqlServer("Server=unused;Database=unused").Options,
        new TenantScope());

    [Fact]
    public async Task Sqlite_MigrateOnAnEmptyFile_CreatesEveryTableOfTheModelWithItsColumns()
    {
        await using var context = Sqlite();

        await context.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        // Less SQLite's own tables and EF's bookkeeping (the applied migrations, the lock held while migrating).
        var tables = await context.Database.SqlQueryRaw<string>(
                "SELECT name AS Value FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('__EFMigrationsHistory', '__EFMigrationsLock')")
            .ToListAsync(TestContext.Current.CancellationToken);
        var created = new List<string>();
        foreach (var table in tables)
        {
            var columns = await context.Database.SqlQuery<string>($"SELECT name AS Value FROM pragma_table_info({table})")
                .ToListAsync(TestContext.Current.CancellationToken);
            created.Add(Describe(table, columns));
        }

        Assert.Equal(ModelTables(context), created.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Sqlite_MigrateTwice_IsANoOp()
    {
        await using (var first = Sqlite())
        {
            await first.Database.MigrateAsync(TestContext.Current.CancellationToken);
        }

        await using var second = Sqlite();
        await second.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(second.Database.GetMigrations(), await second.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await second.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Sqlite_Model_HasNoChangesMissingFromTheMigrations()
    {
        using var context = Sqlite();

        Assert.False(context.Database.HasPendingModelChanges(), "the model changed: run `dotnet run --project Host.Api -- migrations add <Name>`");
    }

    [Fact]
    public void SqlServer_Model_HasNoChangesMissingFromTheMigrations()
    {
        using var context = SqlServer();

        Assert.False(context.Database.HasPendingModelChanges(), "the model changed: run `dotnet run --project Host.Api -- migrations add <Name>`");
    }

    [Fact]
    public void SqlServer_Migrations_GenerateAnIdempotentScriptWithTheSchema()
    {
        using var context = SqlServer();

        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        // What the script leaves behind: every table it creates, less those a later migration drops.
        var created = TableStatement().Matches(script)
            .GroupBy(m => m.Groups["table"].Value, StringComparer.Ordinal)
            .Where(g => g.Last().Groups["verb"].Value == "CREATE")
            .Select(g => g.Key)
            .Where(t => t != "[__EFMigrationsHistory]");
        Assert.Equal(
            context.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.Select(t => Bracketed(t.Schema, t.Name)).Order(StringComparer.Ordinal),
            created.Order(StringComparer.Ordinal));
        // Idempotent scripts wrap filtered-index DDL in EXEC(N'…'), doubling the quotes.
        Assert.Contains("CREATE UNIQUE INDEX [IX_Versions_OneActivePerComponent] ON [Versions] ([ComponentId]) WHERE [Status] = ''Active''", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_OfBothProviders_HaveTheSameIds()
    {
        using var sqlite = Sqlite();
        using var sqlServer = SqlServer();

        Assert.Equal(sqlite.Database.GetMigrations(), sqlServer.Database.GetMigrations());
    }

    [Fact]
    public async Task Sqlite_OutboxCorrelationIdMigration_KeepsDeliveriesWrittenBeforeItWithoutACorrelationId()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var context = Sqlite();
        var migrator = context.GetService<IMigrator>();
        await migrator.MigrateAsync(MigrationBefore(context, OutboxCorrelationId), cancellationToken: cancellation);
        var id = Guid.CreateVersion7().ToString().ToUpperInvariant();
        var subscriptionId = Guid.CreateVersion7().ToString().ToUpperInvariant();
        const string payload = "{}";
        await context.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO "Outbox" ("Id", "TenantId", "EventId", "EventType", "Payload", "OccurredAt", "Depth", "SubscriptionId", "ComponentName",
                "Status", "Attempts", "Replays", "NextAttemptAt", "CreatedAt")
            VALUES ({id}, 'acme', 'evt-1', 'order.placed', {payload}, '2026-12-01 00:00:00', 2, {subscriptionId}, 'audit',
                'Pending', 0, 0, '2026-12-01 00:00:00', '2026-12-01 00:00:00')
            """, cancellation);

        await context.Database.MigrateAsync(cancellation);

        var delivery = await context.Deliveries.AsNoTracking().SingleAsync(cancellation);
        Assert.Equal(("evt-1", 2, null), (delivery.EventId, delivery.Depth, delivery.CorrelationId));
    }

    [Fact]
    public void SqlServer_OutboxCorrelationIdMigration_AddsANullableColumnOfTheValidatorsLength()
    {
        using var context = SqlServer();

        var script = context.GetService<IMigrator>().GenerateScript(MigrationBefore(context, OutboxCorrelationId), OutboxCorrelationIdMigration(context));

        Assert.Contains(
            $"ALTER TABLE [Outbox] ADD [CorrelationId] nvarchar({ExtensibilityHost.Core.Events.DomainEvent.MaxCorrelationIdLength}) NULL;",
            script, StringComparison.Ordinal);
        Assert.DoesNotContain("DROP", script, StringComparison.Ordinal);
    }

    private const string OutboxCorrelationId = "_OutboxCorrelationId";

    private static string OutboxCorrelationIdMigration(DbContext context) =>
        context.Database.GetMigrations().Single(m => m.EndsWith(OutboxCorrelationId, StringComparison.Ordinal));

    /// <summary>The id of the migration applied right before the one whose id ends with <paramref name="suffix"/>.</summary>
    private static string MigrationBefore(DbContext context, string suffix)
    {
        var migrations = context.Database.GetMigrations().ToList();
        return migrations[migrations.FindIndex(m => m.EndsWith(suffix, StringComparison.Ordinal)) - 1];
    }

    /// <summary>The tables of the context's model with their columns, as "Table(Column, …)", sorted by ordinal.</summary>
    private static List<string> ModelTables(DbContext context) =>
        [.. context.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables
            .Select(t => Describe(t.SchemaQualifiedName, t.Columns.Select(c => c.Name)))
            .Order(StringComparer.Ordinal)];

    private static string Describe(string table, IEnumerable<string> columns) =>
        $"{table}({string.Join(", ", columns.Order(StringComparer.Ordinal))})";

    private static string Bracketed(string? schema, string name) => schema is null ? $"[{name}]" : $"[{schema}].[{name}]";

    [GeneratedRegex(@"\b(?<verb>CREATE|DROP) TABLE (?<table>\[[^\]]+\](?:\.\[[^\]]+\])?)")]
    private static partial Regex TableStatement();

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
