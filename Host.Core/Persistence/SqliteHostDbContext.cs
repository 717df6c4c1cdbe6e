using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Persistence;

/// <summary>The SQLite database (embedded default); migrations in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteHostDbContext(DbContextOptions<SqliteHostDbContext> options, ITenantScope tenantScope)
    : HostDbContext(options, tenantScope);
