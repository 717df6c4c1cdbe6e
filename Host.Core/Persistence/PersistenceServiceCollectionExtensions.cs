using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the database.</summary>
internal static class PersistenceServiceCollectionExtensions
{
    private static readonly SqliteConnectionSettings SqliteSettings = new();

    public static IServiceCollection AddHostDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PersistenceOptions>()
            .Bind(configuration.GetSection(PersistenceOptions.SectionName))
            .PostConfigure(options =>
            {
                if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
                {
                    var directory = ServiceCollectionExtensions.DataDirectory(configuration);
                    Directory.CreateDirectory(directory);
                    options.ConnectionString = $"Data Source={Path.Combine(directory, "exthost.db")}";
                }
            })
            .Validate(options => !string.IsNullOrWhiteSpace(options.ConnectionString),
                $"{PersistenceOptions.SectionName}:ConnectionString is required for SQL Server.")
            .ValidateOnStart();

        services.TryAddScoped<TenantScope>();
        services.TryAddScoped<ITenantScope>(sp => sp.GetRequiredService<TenantScope>());

        var provider = configuration.GetSection(PersistenceOptions.SectionName).GetValue<DatabaseProvider?>(nameof(PersistenceOptions.Provider))
            ?? DatabaseProvider.Sqlite;
        if (provider == DatabaseProvider.SqlServer)
        {
            services.AddDbContext<SqlServerHostDbContext>((sp, options) =>
                options.UseSqlServer(sp.GetRequiredService<IOptions<PersistenceOptions>>().Value.ConnectionString,
                    sql => sql.EnableRetryOnFailure()),
                optionsLifetime: ServiceLifetime.Singleton);
            services.TryAddScoped<HostDbContext>(sp => sp.GetRequiredService<SqlServerHostDbContext>());
        }
        else
        {
            services.AddDbContext<SqliteHostDbContext>((sp, options) =>
                options.UseSqlite(sp.GetRequiredService<IOptions<PersistenceOptions>>().Value.ConnectionString)
                    .AddInterceptors(SqliteSettings),
                optionsLifetime: ServiceLifetime.Singleton);
            services.TryAddScoped<HostDbContext>(sp => sp.GetRequiredService<SqliteHostDbContext>());
        }

        services.TryAddSingleton<SqliteWriteGate>();
        services.AddSingleton<IHostedService, DatabaseMigrator>();
        return services;
    }
}
