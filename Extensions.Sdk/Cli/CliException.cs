namespace ExtensibilityHost.Sdk.Cli;

/// <summary>A problem with the user's input: printed as one message, then the command exits with <see cref="ExitCode"/>.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.InvalidInput) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
