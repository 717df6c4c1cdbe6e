using System.Diagnostics;
using ExtensibilityHost.Core.Runtime;
using Wasmtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Compilation;

/// <summary>
/// The compile worker: a child process that compiles uploaded components with the host's engine
/// configuration and writes back their serialized artifacts, so that a component crafted to make
/// Cranelift slow or huge can be killed at its budget without touching the host.
/// </summary>
/// <remarks>
/// The worker bounds resources, it is not a security boundary: the host loads the artifacts it
/// writes as native code, exactly as it would load its own compilations.
/// </remarks>
public static class CompileWorker
{
    /// <summary>The command-line verb that makes the host executable run as a compile worker.</summary>
    public const string Verb = "compile-worker";

    /// <summary>
    /// Reads the engine settings from <paramref name="input"/>, then compiles one component after
    /// another as the host sends them, answering each on <paramref name="output"/>, until the host
    /// closes <paramref name="input"/>. Nothing else may write to <paramref name="output"/>.
    /// </summary>
    /// <returns>The process exit code: 0 when the host closed the input.</returns>
    public static async Task<int> RunAsync(Stream input, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        var options = CompileWorkerProtocol.DecodeEngineSettings(await CompileWorkerProtocol.ReadFrameAsync(input, cancellationToken));
        var fingerprint = SandboxEngine.FingerprintOf(options);
        using var config = SandboxEngine.CreateConfig(options);
        using var engine = new Engine(config);
        using var self = Process.GetCurrentProcess();
        while (await CompileWorkerProtocol.TryReadFrameAsync(input, cancellationToken) is { } bytes)
        {
            ResetPeakMemory();
            var started = Stopwatch.GetTimestamp();
            byte[] artifact = [];
            string? error = null;
            try
            {
                using var component = Component.FromBytes(engine, bytes);
                artifact = component.Serialize();
            }
            catch (WasmtimeException exception)
            {
                error = exception.Message;
            }

            var compileMilliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            self.Refresh();
            var reply = new CompileWorkerReply
            {
                Fingerprint = fingerprint,
                Error = error,
                CompileMilliseconds = compileMilliseconds,
                PeakMemoryBytes = self.PeakWorkingSet64,
                ResidentBytes = self.WorkingSet64,
            };
            await CompileWorkerProtocol.WriteFrameAsync(output, CompileWorkerProtocol.EncodeReply(reply), cancellationToken);
            await CompileWorkerProtocol.WriteFrameAsync(output, artifact, cancellationToken);
            await output.FlushAsync(cancellationToken);
        }

        return 0;
    }

    /// <summary>
    /// Resets the kernel's peak resident size (VmHWM) so the next reading is this compilation's
    /// peak, not an earlier one's. Linux only; elsewhere the peak is the worker's since it started.
    /// </summary>
    private static void ResetPeakMemory()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A hardened /proc: the peak is then the worker's since it started.
        }
    }
}
