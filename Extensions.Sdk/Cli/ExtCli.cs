using System.CommandLine;
using ExtensibilityHost.Sdk.Cli.Commands;

namespace ExtensibilityHost.Sdk.Cli;

/// <summary>The <c>ext</c> command line: the tenant developer's local tool.</summary>
public static class ExtCli
{
    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("ext — create, inspect and run WebAssembly components in the ExtensibilityHost sandbox.")
        {
            InitCommand.Create(output, error),
            InspectCommand.Create(output, error),
            RunCommand.Create(output, error),
            Wat2WasmCommand.Create(output, error),
        };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }
}
