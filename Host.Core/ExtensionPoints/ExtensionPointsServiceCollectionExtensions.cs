using ExtensibilityHost.Core.ExtensionPoints;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the extension point registry (validated at start-up), bindings and <see cref="IExtensionPoints"/>.</summary>
internal static class ExtensionPointsServiceCollectionExtensions
{
    public static IServiceCollection AddExtensionPoints(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ExtensionPointsOptions.SectionName);
        services.AddOptions<ExtensionPointsOptions>()
            .Configure(options => section.Bind(options.Points))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExtensionPointsOptions>, ExtensionPointsOptionsValidator>());
        services.TryAddSingleton<ExtensionPointRegistry>();
        services.TryAddScoped<ExtensionPointBinder>();
        services.TryAddSingleton<IExtensionPoints, ExtensionPoints>();
        return services;
    }
}
