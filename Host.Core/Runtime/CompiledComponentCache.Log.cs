using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Runtime;

public sealed partial class CompiledComponentCache
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Compiled component {Sha256} ({SizeBytes} bytes) in {ElapsedMs:F0} ms")]
    private partial void LogCompiled(string sha256, int sizeBytes, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Loaded compiled artifact of {Sha256} from disk")]
    private partial void LogLoadedArtifact(string sha256);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discarded the compiled artifact of {Sha256} ({Problem}); recompiling")]
    private partial void LogDiscardedArtifact(string sha256, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write the compiled artifact of {Sha256}; keeping it in memory only")]
    private partial void LogArtifactNotWritten(string sha256, Exception exception);
}
