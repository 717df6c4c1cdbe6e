using ExtensibilityHost.Core.Tenants;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers tenants, API keys and the request validators of Host.Core.</summary>
internal static class TenantsServiceCollectionExtensions
{
    public static IServiceCollection AddTenants(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<TenantService>();
        services.TryAddScoped<ApiKeyAuthenticator>();
        services.TryAddScoped<ApiKeyService>();
        // After DatabaseMigrator (registered earlier): the key table must exist.
        services.AddSingleton<IHostedService, AdminKeyBootstrap>();
        services.AddValidatorsFromAssemblyContaining<CreateTenantRequestValidator>(ServiceLifetime.Singleton);
        return services;
    }
}
