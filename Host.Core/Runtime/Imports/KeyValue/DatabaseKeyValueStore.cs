using System.Data;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>
/// The <c>key-value</c> store in the host database (<see cref="KeyValueEntry"/>, keyed by tenant,
/// component and key), so entries survive restarts and are shared by every host node.
/// </summary>
/// <remarks>
/// <para>
/// Synchronous by design: host imports run inside the guest's synchronous native call, on the
/// execution slot the runner gave the call, so there is no caller to return a task to. Each
/// operation uses a fresh DI scope and context (contexts are not thread-safe, and calls of
/// different tenants run concurrently) and blocks its slot for one short database round trip;
/// the tenant's share of the slots bounds how many that can be.
/// </para>
/// <para>
/// The entry cap is checked and the entry inserted in one serializable transaction (SQLite:
/// <c>BEGIN IMMEDIATE</c>, which takes the write lock first; SQL Server: key-range locks, with a
/// deadlock between two inserters retried by the execution strategy), so concurrent inserts cannot
/// push a component past <see cref="KeyValueOptions.MaxEntriesPerComponent"/>.
/// </para>
/// </remarks>
internal sealed class DatabaseKeyValueStore(IServiceScopeFactory scopes, IOptions<KeyValueOptions> options, TimeProvider time) : IKeyValueStore
{
    public byte[]? Get(KeyValueScope scope, string key)
    {
        if (key.Length > Lengths.KeyValueKey)
        {
            return null;
        }

        using var services = scopes.CreateScope();
        return services.ServiceProvider.GetRequiredService<HostDbContext>().KeyValueEntries
            .AsNoTracking()
            .Where(e => e.TenantId == scope.TenantId && e.ComponentName == scope.ComponentName && e.Key == key)
            .Select(e => e.Value)
            .FirstOrDefault();
    }

    public string? Set(KeyValueScope scope, string key, byte[] value)
    {
        using var services = scopes.CreateScope();
        var db = services.ServiceProvider.GetRequiredService<HostDbContext>();
        var maxEntries = options.Value.MaxEntriesPerComponent;
        return db.Database.CreateExecutionStrategy().Execute(() =>
        {
            db.ChangeTracker.Clear();
            using var transaction = db.Database.BeginTransaction(IsolationLevel.Serializable);
            var now = time.GetUtcNow().UtcDateTime;
            var entry = db.KeyValueEntries.FirstOrDefault(
                e => e.TenantId == scope.TenantId && e.ComponentName == scope.ComponentName && e.Key == key);
            if (entry is null)
            {
                var count = db.KeyValueEntries.Count(e => e.TenantId == scope.TenantId && e.ComponentName == scope.ComponentName);
                if (count >= maxEntries)
                {
                    return $"entry limit reached: a component may hold at most {maxEntries} keys";
                }

                db.KeyValueEntries.Add(new KeyValueEntry
                {
                    TenantId = scope.TenantId,
                    ComponentName = scope.ComponentName,
                    Key = key,
                    Value = value,
                    UpdatedAt = now,
                });
            }
            else
            {
                entry.Value = value;
                entry.UpdatedAt = now;
            }

            db.SaveChanges();
            transaction.Commit();
            return null;
        });
    }

    public void Delete(KeyValueScope scope, string key)
    {
        using var services = scopes.CreateScope();
        services.ServiceProvider.GetRequiredService<HostDbContext>().KeyValueEntries
            .Where(e => e.TenantId == scope.TenantId && e.ComponentName == scope.ComponentName && e.Key == key)
            .ExecuteDelete();
    }
}
