using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <c>saas:extensibility/outbound-http</c> capability.</summary>
public static class OutboundHttpServiceCollectionExtensions
{
    /// <summary>
    /// Adds <c>saas:extensibility/outbound-http@1.1.0</c> with its caps (section
    /// <c>ExtensibilityHost:OutboundHttp</c>, validated at start-up), the allow-lists admins manage
    /// per tenant and component (<see cref="OutboundOriginsEditor"/>) and their database-backed,
    /// per-node cached source (replaceable: registered with TryAdd).
    /// </summary>
    public static IServiceCollection AddOutboundHttpCapability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<OutboundHttpOptions>()
            .Bind(configuration.GetSection(OutboundHttpOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<OutboundHttpOptions>, OutboundHttpOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IOutboundOriginSource, DatabaseOutboundOriginSource>();
        services.TryAddScoped<OutboundOriginsEditor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostCapability, OutboundHttpCapability>());
        return services;
    }
}
