using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Compilation;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Versions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers uploads, the version catalog and the orphan-blob sweeper.</summary>
internal static class VersionsServiceCollectionExtensions
{
    public static IServiceCollection AddComponentVersions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UploadOptions>()
            .Bind(configuration.GetSection(UploadOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UploadOptions>, UploadOptionsValidator>());
        services.TryAddSingleton<ValidationSlots>();
        // Replaced by UseCompileWorker; the host executable does.
        services.TryAddSingleton<IComponentCompiler>(sp => new InProcessCompiler(sp.GetRequiredService<SandboxEngine>()));
        services.TryAddScoped(sp => new ComponentUploader(
            sp.GetRequiredService<HostDbContext>(),
            sp.GetRequiredService<IComponentStore>(),
            sp.GetRequiredService<ComponentValidator>(),
            sp.GetRequiredService<IComponentCompiler>(),
            sp.GetRequiredService<CompiledComponentCache>(),
            sp.GetRequiredService<ValidationSlots>(),
            sp.GetRequiredService<HostChanges>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ComponentUploader>>()));
        services.TryAddScoped<VersionCatalog>();
        services.TryAddSingleton<OrphanBlobSweeper>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OrphanBlobSweeper>());
        return services;
    }
}
