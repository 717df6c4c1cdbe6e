using ExtensibilityHost.Core;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The one composition root of Host.Core.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>The environment variable naming the data directory (artifact cache, and later the database and blobs).</summary>
    public const string DataDirectoryVariable = "EXTHOST_DATA_DIR";

    /// <summary>
    /// Registers the component runtime: options (validated at start-up), the process-wide
    /// <see cref="SandboxEngine"/>, the epoch ticker, the compiled-component cache, the sandbox, the
    /// runner with its protections, domain events (the mediator, subscriptions, the outbox and its
    /// dispatcher), extension points, and the host capabilities linked into the engine — logging,
    /// key-value, config and outbound HTTP (their database-backed stores replaceable: registered with
    /// TryAdd) and WASI 0.2 under its allow-list. An application adds its own with more
    /// <see cref="IHostCapability"/> registrations.
    /// </summary>
    public static ExtensibilityHostBuilder AddExtensibilityHost(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<RuntimeOptions>()
            .Bind(configuration.GetSection(RuntimeOptions.SectionName))
            .PostConfigure(options => options.ArtifactCacheDirectory ??= Path.Combine(DataDirectory(configuration), "artifacts"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RuntimeOptions>, RuntimeOptionsValidator>());

        services.AddHostDatabase(configuration);
        services.AddNodeCaches(configuration);
        services.AddTenants();
        services.AddComponentVersions(configuration);
        services.AddReviews();
        services.AddEvents(configuration);

        services.AddInvocations(configuration);
        services.AddExtensionPoints(configuration);

        services.AddLoggingCapability()
            .AddKeyValueCapability(configuration)
            .AddConfigCapability()
            .AddOutboundHttpCapability(configuration)
            .AddWasiCapability(configuration);

        services.TryAddSingleton(sp => new SandboxEngine(
            sp.GetRequiredService<IOptions<RuntimeOptions>>().Value,
            sp.GetServices<IHostCapability>()));
        services.TryAddSingleton<EpochTicker>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<EpochTicker>());
        services.TryAddSingleton<CompiledComponentCache>();
        services.TryAddSingleton<ComponentSandbox>();
        services.TryAddSingleton(WorldCatalog.Default);
        services.TryAddSingleton<ComponentValidator>();

        return new ExtensibilityHostBuilder(services).AddComponentStorage(configuration);
    }

    /// <summary>
    /// The data directory: <c>EXTHOST_DATA_DIR</c>, else <c>ExtensibilityHost:DataDirectory</c>, else <c>./data</c>.
    /// </summary>
    public static string DataDirectory(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Path.GetFullPath(
            Environment.GetEnvironmentVariable(DataDirectoryVariable)
            ?? configuration["ExtensibilityHost:DataDirectory"]
            ?? "data");
    }
}
