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
