namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// Runs a command body and turns every failure into one message and a documented exit code
/// (docs/cli.md): never a stack trace, and never exit 1, which means a command-line usage error.
/// </summary>
internal static class CliAction
{
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliException exception)
        {
            await error.WriteLineAsync($"ext: {exception.Message}");
            return exception.ExitCode;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"ext: {exception.Message}");
            return ExitCodes.InvalidInput;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await error.WriteLineAsync($"ext: the sandbox failed: {exception.Message}");
            return ExitCodes.HostError;
        }
    }
}
