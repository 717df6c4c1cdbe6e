using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Runtime.Imports.Config;

/// <summary>
/// Per-tenant, per-component settings that components read through the <c>config</c> import,
/// managed by admins. A change is visible to the next invocation on this node and within
/// <see cref="CachingOptions.PollInterval"/> on every other (it stamps a change, <see cref="HostChanges"/>). Uses the caller's scoped
/// <see cref="HostDbContext"/>, so a tenant-restricted scope only reaches its own settings.
/// </summary>
public sealed class SettingsEditor(HostDbContext db, HostChanges changes, TimeProvider time)
{
    /// <summary>The longest setting key, in characters (validate requests against it).</summary>
    public const int MaxKeyLength = Lengths.SettingKey;

    /// <summary>The longest setting value, in characters (validate requests against it).</summary>
    public const int MaxValueLength = Lengths.SettingValue;

    /// <summary>Creates or replaces a setting of one tenant's component.</summary>
    /// <exception cref="ArgumentException">The key is empty or longer than <see cref="MaxKeyLength"/>, or the value longer than <see cref="MaxValueLength"/>.</exception>
    public async Task<SettingWriteStatus> SetAsync(
        string tenantId, string componentName, string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentException.ThrowIfNullOrEmpty(componentName);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, MaxKeyLength, nameof(key));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, MaxValueLength, nameof(value));

        var status = await WriteAsync(tenantId, componentName, key, value, cancellationToken);
        if (status is SettingWriteStatus.Created or SettingWriteStatus.Updated)
        {
            await changes.StampAsync(db, cancellationToken);
        }

        return status;
    }

    /// <summary>Deletes a setting.</summary>
    /// <returns>Whether it existed.</returns>
    public async Task<bool> DeleteAsync(string tenantId, string componentName, string key, CancellationToken cancellationToken = default)
    {
        var deleted = await db.Settings
            .Where(s => s.TenantId == tenantId && s.ComponentName == componentName && s.Key == key)
            .ExecuteDeleteAsync(cancellationToken) > 0;
        if (deleted)
        {
            await changes.StampAsync(db, cancellationToken);
        }

        return deleted;
    }

    private async Task<SettingWriteStatus> WriteAsync(string tenantId, string componentName, string key, string value, CancellationToken cancellationToken)
    {
        if (!await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken))
        {
            return SettingWriteStatus.TenantNotFound;
        }

        if (!await db.Components.AnyAsync(c => c.TenantId == tenantId && c.Name == componentName, cancellationToken))
        {
            return SettingWriteStatus.ComponentNotFound;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var updated = await db.Settings
            .Where(s => s.TenantId == tenantId && s.ComponentName == componentName && s.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.Value, value).SetProperty(e => e.UpdatedAt, now), cancellationToken);
        if (updated > 0)
        {
            return SettingWriteStatus.Updated;
        }

        db.Settings.Add(new ComponentSetting { TenantId = tenantId, ComponentName = componentName, Key = key, Value = value, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SettingWriteStatus.Created;
        }
        catch (DbUpdateException)
        {
            // Another writer created it in between: last write wins, as for an update.
            db.ChangeTracker.Clear();
            await db.Settings
                .Where(s => s.TenantId == tenantId && s.ComponentName == componentName && s.Key == key)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Value, value).SetProperty(e => e.UpdatedAt, now), cancellationToken);
            return SettingWriteStatus.Updated;
        }
    }

    /// <summary>The settings of one tenant's component, by key.</summary>
    public async Task<IReadOnlyList<ComponentSetting>> ListAsync(string tenantId, string componentName, CancellationToken cancellationToken = default) =>
        await db.Settings.AsNoTracking()
            .Where(s => s.TenantId == tenantId && s.ComponentName == componentName)
            .OrderBy(s => s.Key)
            .ToListAsync(cancellationToken);
}
