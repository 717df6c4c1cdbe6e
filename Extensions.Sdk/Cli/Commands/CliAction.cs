namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>Runs a command body, turning an input problem into its message and exit code.</summary>
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
    }
}
