using System.CommandLine;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>ext validate [file]</c>: would the host's upload accept this component? The same checks, by the
/// same code (<see cref="UploadCheck"/>): size cap, a component Wasmtime compiles, a world of the
/// host's, imports the host provides, WASI in the allow-list. Exit 0 accepted, 3 refused.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string?>("file") { Description = "The component, or a project folder (default: the project in this folder).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var check = new UploadCheck();
        var command = new Command("validate", "Check a component the way the host's upload does: size, world, imports, WASI allow-list.") { file, json };
        check.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            return CliAction.RunAsync(error, async () =>
            {
                var (path, _) = LocalCall.Resolve(parse.GetValue(file));
                var result = await check.RunAsync(parse, path, cancellationToken);
                if (asJson)
                {
                    await output.WriteLineAsync(result.ToJsonString());
                }
                else
                {
                    await result.WriteTextAsync(output);
                }

                return result.ExitCode;
            }, asJson);
        });
        return command;
    }
}
