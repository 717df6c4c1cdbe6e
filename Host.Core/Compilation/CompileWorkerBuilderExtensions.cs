using ExtensibilityHost.Core;
using ExtensibilityHost.Core.Compilation;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Versions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the compile worker that bounds the compilation of uploads.</summary>
public static class CompileWorkerBuilderExtensions
{
    /// <summary>
    /// Compiles every upload in a fresh compile worker started with <paramref name="command"/>, killed
    /// at <c>ExtensibilityHost:Upload:CompileTimeout</c> or <c>CompileMemoryBytes</c>. Without this an
    /// upload compiles in the host's own process, where nothing can stop Cranelift.
    /// </summary>
    /// <param name="builder">The builder <c>AddExtensibilityHost</c> returned.</param>
    /// <param name="command">
    /// Starts a program that hands <see cref="CompileWorker.Verb"/> to <see cref="CompileWorker.RunAsync"/>,
    /// with the host's Wasmtime (e.g. <see cref="CompileWorkerCommand.ForApplication"/>).
    /// </param>
    public static ExtensibilityHostBuilder UseCompileWorker(this ExtensibilityHostBuilder builder, CompileWorkerCommand command)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(command);
        builder.Services.Replace(ServiceDescriptor.Singleton<IComponentCompiler>(sp => new WorkerCompiler(
            sp.GetRequiredService<SandboxEngine>(),
            command,
            sp.GetRequiredService<IOptions<UploadOptions>>(),
            sp.GetRequiredService<ILogger<WorkerCompiler>>())));
        return builder;
    }
}
