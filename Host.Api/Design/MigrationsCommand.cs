#pragma warning disable EF1001 // The provider design-time services are EF's documented way to scaffold without the dotnet-ef tool.
using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Sqlite.Design.Internal;
using Microsoft.EntityFrameworkCore.SqlServer.Design.Internal;

namespace ExtensibilityHost.Api.Design;

/// <summary>
/// <c>dotnet run --project Host.Api -- migrations add &lt;Name&gt;</c>: scaffolds a migration for
/// both providers into <c>Host.Core/Persistence/Migrations/{Sqlite,SqlServer}</c>. A maintainer's
/// command (the dotnet-ef tool is not available from this project's package feed).
/// </summary>
internal static class MigrationsCommand
{
    public static int Run(string[] args)
    {
        if (args is not ["migrations", "add", var name])
        {
            Console.Error.WriteLine("usage: dotnet run --project Host.Api -- migrations add <Name>");
            return 2;
        }

        var coreDirectory = FindCoreProjectDirectory();
        var scope = new TenantScope();
        using (var sqlite = new SqliteHostDbContext(
            new DbContextOptionsBuilder<SqliteHostDbContext>().UseSqlite("Data Source=:memory:").Options, scope))
        {
            Scaffold(sqlite, new SqliteDesignTimeServices(), name, coreDirectory, "Sqlite");
        }

        using (var sqlServer = new SqlServerHostDbContext(
            new DbContextOptionsBuilder<SqlServerHostDbContext>().UseSqlServer("Server=design-time;Database=design-time").Options, scope))
        {
            Scaffold(sqlServer, new SqlServerDesignTimeServices(), name, coreDirectory, "SqlServer");
        }

        return 0;
    }

    private static void Scaffold(DbContext context, IDesignTimeServices providerServices, string name, string coreDirectory, string provider)
    {
        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(context);
        providerServices.ConfigureDesignTimeServices(services);
        using var serviceProvider = services.BuildServiceProvider();
        var scaffolder = serviceProvider.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, "ExtensibilityHost.Core", $"Persistence.Migrations.{provider}", "C#");
        var files = scaffolder.Save(coreDirectory, migration, Path.Combine(coreDirectory, "Persistence", "Migrations", provider));
        Console.WriteLine($"{provider}: {files.MigrationFile}");
    }

    private static string FindCoreProjectDirectory()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "Host.Core");
            if (File.Exists(Path.Combine(candidate, "Host.Core.csproj")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("Run this from the repository (Host.Core/Host.Core.csproj not found above the current directory).");
    }
}
