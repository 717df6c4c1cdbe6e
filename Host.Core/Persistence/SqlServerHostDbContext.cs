using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Persistence;

/// <summary>The SQL Server database (production); migrations in <c>Persistence/Migrations/SqlServer</c>.</summary>
public sealed class SqlServerHostDbContext(DbContextOptions<SqlServerHostDbContext> options, ITenantScope tenantScope)
    : HostDbContext(options, tenantScope);
