using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Compilation;

internal sealed partial class WorkerCompiler
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Compiled {Sha256} ({SizeBytes} bytes) in a worker: {ElapsedMs} ms in all, {CompileMs} ms compiling, peak {PeakMiB} MiB")]
    private partial void LogCompiled(string sha256, int sizeBytes, long elapsedMs, long compileMs, long peakMiB);

    [LoggerMessage(Level = LogLevel.Information, Message = "Wasmtime refused {Sha256} in a worker after {ElapsedMs} ms, peak {PeakMiB} MiB")]
    private partial void LogRefused(string sha256, long elapsedMs, long peakMiB);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Killed the compile worker of {Sha256} at its {Budget} budget after {ElapsedMs} ms, peak {PeakMiB} MiB")]
    private partial void LogBudgetExceeded(string sha256, CompileBudget budget, long elapsedMs, long peakMiB);
}
