using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <c>saas:extensibility/config</c> capability.</summary>
public static class ConfigServiceCollectionExtensions
{
    /// <summary>
    /// Adds <c>saas:extensibility/config</c>: settings admins manage per tenant and component
    /// (<see cref="SettingsEditor"/>), read by components from the database (replaceable: registered with TryAdd).
    /// </summary>
    public static IServiceCollection AddConfigCapability(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IConfigSource, DatabaseConfigSource>();
        services.TryAddScoped<SettingsEditor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostCapability, ConfigCapability>());
        return services;
    }
}
