namespace ExtensibilityHost.Sdk.Cli;

/// <summary>The <c>ext</c> executable (a named class: test projects see both this and the host's <c>Program</c>).</summary>
internal static class ExtProgram
{
    public static Task<int> Main(string[] args) => ExtCli.RunAsync(args, Console.Out, Console.Error);
}
