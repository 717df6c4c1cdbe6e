using System.CommandLine;
using ExtensibilityHost.Sdk.Cli.Commands;

namespace ExtensibilityHost.Sdk.Cli;

/// <summary>The <c>ext</c> command line: the tenant developer's local tool.</summary>
public static class ExtCli
{
    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        RunAsync(args, Console.In, output, error, cancellationToken);

    /// <summary>As <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>, reading standard input from <paramref name="input"/>.</summary>
    public static Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ext — build, check, test, publish and replay WebAssembly extensions for ExtensibilityHost.")
        {
            InitCommand.Create(output, error),
            BuildCommand.Create(output, error),
            ValidateCommand.Create(output, error),
            TestCommand.Create(output, error),
            LoginCommand.Create(output, error, input),
            LoginCommand.CreateLogout(output, error),
            PublishCommand.Create(output, error),
            StatusCommand.Create(output, error),
            LogsCommand.Create(output, error),
            ReplayCommand.Create(output, error),
            InspectCommand.Create(output, error),
            RunCommand.Create(output, error),
            Wat2WasmCommand.Create(output, error),
        };
        // '@file' is ext's own syntax for JSON from a file (--event, --input), not a response file.
        return root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null })
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
