using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Json;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Reviews;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers review decisions and shadow runs (the request validators are registered with the tenants').</summary>
internal static class ReviewsServiceCollectionExtensions
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.TryAddScoped<ReviewService>();
        services.TryAddScoped(sp => new ShadowRunner(
            sp.GetRequiredService<HostDbContext>(),
            sp.GetRequiredService<CompiledComponentCache>(),
            sp.GetRequiredService<IComponentStore>(),
            sp.GetRequiredService<ComponentSandbox>(),
            sp.GetRequiredService<GuestCallScheduler>(),
            sp.GetRequiredService<ComponentDescriptions>(),
            sp.GetRequiredService<InvocationLogWriter>()));
        return services;
    }
}
