using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Tenants;
using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Core.Tests.Persistence;

/// <summary>The global tenant query filter on a real SQLite database.</summary>
public sealed class TenantFilterTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-db-").FullName;

    private SqliteHostDbContext Context(TenantScope scope) => new(
        new DbContextOptionsBuilder<SqliteHostDbContext>().UseSqlite($"Data Source={Path.Combine(_directory, "test.db")};Pooling=False").Options,
        scope);

    public async ValueTask InitializeAsync()
    {
        await using var context = Context(new TenantScope());
        await context.Database.MigrateAsync();
        foreach (var tenant in new[] { "alpha", "beta" })
        {
            context.Tenants.Add(new Tenant { Id = tenant, Name = tenant, CreatedAt = DateTime.UtcNow });
            context.Components.Add(new TenantComponent { Id = Guid.NewGuid(), TenantId = tenant, Name = "pricing", CreatedAt = DateTime.UtcNow });
        }

        await context.SaveChangesAsync();
    }

    [Fact]
    public async Task Query_ScopedToATenant_SeesOnlyThatTenantsRows()
    {
        var scope = new TenantScope();
        scope.Restrict("alpha");
        await using var context = Context(scope);

        var components = await context.Components.ToListAsync(TestContext.Current.CancellationToken);

        var only = Assert.Single(components);
        Assert.Equal("alpha", only.TenantId);
    }

    [Fact]
    public async Task Query_Unscoped_SeesEveryTenant()
    {
        await using var context = Context(new TenantScope());

        var count = await context.Components.CountAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, count);
    }

    [Fact]
    public void Restrict_ToASecondTenant_Throws()
    {
        var scope = new TenantScope();
        scope.Restrict("alpha");

        Assert.Throws<InvalidOperationException>(() => scope.Restrict("beta"));
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }
}
