using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Logging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the <c>saas:extensibility/logging</c> capability.</summary>
public static class LoggingServiceCollectionExtensions
{
    /// <summary>Adds <c>saas:extensibility/logging</c>: guest log lines go to the call's capped log.</summary>
    public static IServiceCollection AddLoggingCapability(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostCapability, LoggingCapability>());
        return services;
    }
}
