using ExtensibilityHost.Core.Caching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the per-node caches of routing state and the poller that keeps them in step with other nodes.</summary>
internal static class CachingServiceCollectionExtensions
{
    public static IServiceCollection AddNodeCaches(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CachingOptions>()
            .Bind(configuration.GetSection(CachingOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CachingOptions>, CachingOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<HostChanges>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChangePoller>());
        return services;
    }
}
