using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ExtensibilityHost.Core.Tests.Persistence;

/// <summary>Both providers' migrations: SQLite applied to a real file, SQL Server turned into a script (it cannot run here).</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-db-").FullName;

    private SqliteHostDbContext Sqlite() => new(
        new DbContextOptionsBuilder<SqliteHostDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, "test.db")};Pooling=False").Options,
        new TenantScope());

    private static SqlServerHostDbContext SqlServer() => new(
        new DbContextOptionsBuilder<SqlServerHostDbContext>().UseSqlServer("Server=unused;Database=unused").Options,
        new TenantScope());

    [Fact]
    public async Task Sqlite_MigrateOnAnEmptyFile_CreatesEveryTable()
    {
        await using var context = Sqlite();

        await context.Database.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Empty(await context.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.Versions.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await context.Deliveries.CountAsync(TestContext.Current.CancellationToken));
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

        Assert.Contains("CREATE TABLE [Versions]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [Outbox]", script, StringComparison.Ordinal);
        // Idempotent scripts wrap filtered-index DDL in EXEC(N'…'), doubling the quotes.
        Assert.Contains("CREATE UNIQUE INDEX [IX_Versions_OneActivePerComponent] ON [Versions] ([ComponentId]) WHERE [Status] = ''Active''", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
