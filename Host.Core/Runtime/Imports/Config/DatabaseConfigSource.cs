using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core.Runtime.Imports.Config;

/// <summary>
/// The <c>config</c> settings in the host database (<see cref="ComponentSetting"/>), as admins set
/// them through <see cref="SettingsEditor"/>.
/// </summary>
/// <remarks>
/// Not cached: a setting an admin changes is what the very next call reads, on every host node.
/// Synchronous by design, like every host import (see <see cref="KeyValue.DatabaseKeyValueStore"/>):
/// one short indexed read on a fresh scope, on the guest call's own thread.
/// </remarks>
internal sealed class DatabaseConfigSource(IServiceScopeFactory scopes) : IConfigSource
{
    public string? Get(string tenantId, string componentName, string key)
    {
        if (key.Length > SettingsEditor.MaxKeyLength)
        {
            return null;
        }

        using var services = scopes.CreateScope();
        return services.ServiceProvider.GetRequiredService<HostDbContext>().Settings
            .AsNoTracking()
            .Where(s => s.TenantId == tenantId && s.ComponentName == componentName && s.Key == key)
            .Select(s => s.Value)
            .FirstOrDefault();
    }
}
