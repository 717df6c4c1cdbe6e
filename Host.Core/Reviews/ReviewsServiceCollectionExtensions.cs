using ExtensibilityHost.Core.Reviews;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers review decisions (the request validators are registered with the tenants').</summary>
internal static class ReviewsServiceCollectionExtensions
{
    public static IServiceCollection AddReviews(this IServiceCollection services)
    {
        services.TryAddScoped<ReviewService>();
        return services;
    }
}
