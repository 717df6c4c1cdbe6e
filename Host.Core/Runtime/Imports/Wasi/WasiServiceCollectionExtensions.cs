using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the WASI 0.2 capability and its allow-list.</summary>
public static class WasiServiceCollectionExtensions
{
    /// <summary>
    /// Adds WASI 0.2 (deny by default: no directories, environment, arguments, input or network;
    /// standard output and error to the guest log) with the allow-list of section
    /// <c>ExtensibilityHost:Wasi</c>, validated at start-up.
    /// </summary>
    public static IServiceCollection AddWasiCapability(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WasiOptions>()
            .Bind(configuration.GetSection(WasiOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WasiOptions>, WasiOptionsValidator>());
        services.TryAddSingleton(sp => new WasiPolicy(sp.GetRequiredService<IOptions<WasiOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostCapability, WasiCapability>());
        return services;
    }
}
