using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <c>saas:extensibility/key-value</c> capability.</summary>
public static class KeyValueServiceCollectionExtensions
{
    /// <summary>
    /// Adds <c>saas:extensibility/key-value</c> with its caps (section <c>ExtensibilityHost:KeyValue</c>,
    /// validated at start-up) and the database-backed store (replaceable: registered with TryAdd).
    /// </summary>
    public static IServiceCollection AddKeyValueCapability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KeyValueOptions>()
            .Bind(configuration.GetSection(KeyValueOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<KeyValueOptions>, KeyValueOptionsValidator>());
        services.TryAddSingleton<IKeyValueStore, DatabaseKeyValueStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostCapability, KeyValueCapability>());
        return services;
    }
}
