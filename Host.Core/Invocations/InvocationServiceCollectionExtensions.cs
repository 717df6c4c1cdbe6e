using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Health;
using ExtensibilityHost.Core.Invocations.Json;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Invocations.Running;
using ExtensibilityHost.Core.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the runner (the one path into tenant code), its protections and typed calls of exports.</summary>
internal static class InvocationServiceCollectionExtensions
{
    public static IServiceCollection AddInvocations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InvocationOptions>()
            .Bind(configuration.GetSection(InvocationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InvocationOptions>, InvocationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TenantConcurrencyLimiter>();
        services.TryAddSingleton<GuestCallScheduler>();
        services.TryAddSingleton<CircuitBreaker>();
        services.TryAddSingleton<InvocationLogWriter>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<InvocationLogWriter>());
        services.TryAddSingleton<ActiveVersionResolver>();
        services.TryAddSingleton<ExtensionAdmission>();
        services.TryAddSingleton<CompiledVersionLoader>();
        services.TryAddSingleton<ExtensionExecutor>();
        services.TryAddSingleton<ExtensionRunner>();
        services.TryAddSingleton<IExtensionRunner>(sp => sp.GetRequiredService<ExtensionRunner>());
        services.TryAddSingleton<ComponentDescriptions>();
        services.TryAddSingleton<InvocationCapture>();
        services.TryAddSingleton<JsonInvoker>();
        services.TryAddSingleton<IComponentInvoker>(sp => sp.GetRequiredService<JsonInvoker>());
        services.TryAddScoped<ExtensionProtection>();
        services.TryAddScoped(sp => new InvocationLogReader(sp.GetRequiredService<HostDbContext>(), sp.GetRequiredService<InvocationLogWriter>()));
        services.TryAddScoped(sp => new ExtensionHealth(
            sp.GetRequiredService<HostDbContext>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<InvocationLogWriter>()));
        services.TryAddSingleton<InvocationMetrics>();
        return services;
    }
}
