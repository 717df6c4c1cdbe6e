using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.ExtensionPoints;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Reviews;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;
using ExtensibilityHost.Core.Tenants;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Persistence;

/// <summary>
/// The host's database. Each provider has its own derived context
/// (<see cref="SqliteHostDbContext"/>, <see cref="SqlServerHostDbContext"/>) so each keeps its own
/// migrations; code depends on this base type.
/// </summary>
public abstract class HostDbContext : DbContext
{
    private readonly ITenantScope _tenantScope;

    /// <summary>Creates the context.</summary>
    protected HostDbContext(DbContextOptions options, ITenantScope tenantScope)
        : base(options)
    {
        _tenantScope = tenantScope;
    }

    /// <summary>The tenant this context is restricted to, or null (admin/system).</summary>
    public string? ScopedTenantId => _tenantScope.TenantId;

    /// <summary>
    /// Whether this context has opened its connection (set by <see cref="SqliteConnectionSettings"/>,
    /// so on SQLite only).
    /// </summary>
    internal bool HasOpenedConnection { get; set; }

    /// <summary>
    /// Whether this SQLite context is inside a transaction of the caller's. A context that never
    /// opened its connection holds none, which is known without initialising it (asking
    /// <c>Database.CurrentTransaction</c> would, on every event).
    /// </summary>
    internal bool InSqliteTransaction => HasOpenedConnection && Database.CurrentTransaction is not null;

    /// <summary>Tenants.</summary>
    public DbSet<Tenant> Tenants => Set<Tenant>();

    /// <summary>API keys (hashed).</summary>
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    /// <summary>Tenants' components.</summary>
    public DbSet<TenantComponent> Components => Set<TenantComponent>();

    /// <summary>Component versions.</summary>
    public DbSet<ComponentVersion> Versions => Set<ComponentVersion>();

    /// <summary>The review audit trail.</summary>
    public DbSet<Review> Reviews => Set<Review>();

    /// <summary>The invocation log.</summary>
    public DbSet<InvocationRecord> Invocations => Set<InvocationRecord>();

    /// <summary>Event subscriptions.</summary>
    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    /// <summary>The event outbox.</summary>
    public DbSet<OutboxDelivery> Deliveries => Set<OutboxDelivery>();

    /// <summary>Key-value entries of components.</summary>
    public DbSet<KeyValueEntry> KeyValueEntries => Set<KeyValueEntry>();

    /// <summary>Component settings read through the config import.</summary>
    public DbSet<ComponentSetting> Settings => Set<ComponentSetting>();

    /// <summary>The origins each component may reach through the outbound-http import.</summary>
    public DbSet<AllowedOrigin> OutboundOrigins => Set<AllowedOrigin>();

    /// <summary>Which component of a tenant serves which extension point.</summary>
    public DbSet<ExtensionPointBinding> ExtensionPointBindings => Set<ExtensionPointBinding>();

    /// <summary>The one row host nodes poll to invalidate their caches (<see cref="HostChanges"/>).</summary>
    public DbSet<ChangeStamp> ChangeStamps => Set<ChangeStamp>();

    /// <inheritdoc/>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    /// <inheritdoc/>
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HostDbContext).Assembly);

        // Tenant isolation: every tenant-owned entity is filtered by the scope's tenant.
        modelBuilder.Entity<ApiKey>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
        modelBuilder.Entity<TenantComponent>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
        modelBuilder.Entity<ComponentVersion>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
        modelBuilder.Entity<Review>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
        modelBuilder.Entity<InvocationRecord>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
        modelBuilder.Entity<Subscription>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
        modelBuilder.Entity<OutboxDelivery>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
        modelBuilder.Entity<KeyValueEntry>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
        modelBuilder.Entity<ComponentSetting>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
        modelBuilder.Entity<ExtensionPointBinding>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
        modelBuilder.Entity<AllowedOrigin>().HasQueryFilter(e => ScopedTenantId == null || e.TenantId == ScopedTenantId);
    }
}
