using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core.Runtime.Imports.Config;

/// <summary>
/// The <c>config</c> settings in the host database (<see cref="ComponentSetting"/>), as admins set
/// them through <see cref="SettingsEditor"/>.
/// </summary>
/// <remarks>
/// Cached per node, absent keys included (<see cref="NodeCache{TKey, TValue}"/>): a setting an admin
/// changes through <see cref="SettingsEditor"/> is what the very next call on this node reads, and
/// what calls on other nodes read within <see cref="CachingOptions.PollInterval"/>.
/// Synchronous by design, like every host import (see <see cref="KeyValue.DatabaseKeyValueStore"/>):
/// on a miss, one short indexed read on a fresh scope, on the guest call's own thread.
/// </remarks>
internal sealed class DatabaseConfigSource(IServiceScopeFactory scopes, HostChanges changes) : IConfigSource
{
    private readonly NodeCache<(string Tenant, string Component, string Key), string?> _settings = new(changes);

    public string? Get(string tenantId, string componentName, string key)
    {
        if (key.Length > SettingsEditor.MaxKeyLength)
        {
            return null;
        }

        return _settings.GetOrLoad((tenantId, componentName, key), scopes, static (setting, scopes) =>
        {
            using var services = scopes.CreateScope();
            return services.ServiceProvider.GetRequiredService<HostDbContext>().Settings
                .AsNoTracking()
                .Where(s => s.TenantId == setting.Tenant && s.ComponentName == setting.Component && s.Key == setting.Key)
                .Select(s => s.Value)
                .FirstOrDefault();
        });
    }
}
