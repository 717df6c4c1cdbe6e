using System.Reflection;
using System.Runtime.InteropServices;

namespace ExtensibilityHost.Core.Compilation;

/// <summary>
/// How to start a compile worker: a program that runs <see cref="CompileWorker.RunAsync"/> on its
/// standard input and output. Registered with <c>UseCompileWorker</c>.
/// </summary>
/// <param name="FileName">The program.</param>
/// <param name="Arguments">Its arguments, each passed as is.</param>
public sealed record CompileWorkerCommand(string FileName, IReadOnlyList<string> Arguments)
{
    /// <summary>
    /// The application <paramref name="assembly"/> belongs to, started again with
    /// <see cref="CompileWorker.Verb"/> as its only argument: its <c>Main</c> must hand that verb to
    /// <see cref="CompileWorker.RunAsync"/>. A framework-dependent build runs under the <c>dotnet</c>
    /// of the running runtime (so the worker's Wasmtime is the host's); a self-contained one is
    /// started by its own executable.
    /// </summary>
    /// <param name="assembly">The application's entry assembly (e.g. <c>typeof(Program).Assembly</c>).</param>
    public static CompileWorkerCommand ForApplication(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var muxer = Path.GetFullPath(Path.Combine(
            RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"));
        if (File.Exists(muxer) && !string.IsNullOrEmpty(assembly.Location))
        {
            return new CompileWorkerCommand(muxer, [assembly.Location, CompileWorker.Verb]);
        }

        var executable = Environment.ProcessPath
            ?? throw new InvalidOperationException("The path of this process's executable is unknown: give the compile worker's command explicitly.");
        return new CompileWorkerCommand(executable, [CompileWorker.Verb]);
    }
}
