using System.CommandLine;
using System.Text.Json;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports.Config;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>ext run &lt;file&gt; --export &lt;func | interface#func&gt; --args '&lt;json array&gt;'</c>: one call in
/// the host's sandbox; prints one JSON object and exits with the outcome's code.
/// </summary>
internal static class RunCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "A component: .wasm, or component text (.wat)." };
        var export = new Option<string>("--export") { Description = "The function: 'func' at the root, or 'interface#func'.", Required = true };
        var args = new Option<string>("--args") { Description = "The arguments as a JSON array, converted by the function's WIT types.", DefaultValueFactory = _ => "[]" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (what run always prints)." };
        var limits = new LimitOptions();
        var command = new Command("run", "Run one call of an export in the host's sandbox and print the result as JSON.") { file, export, args, json };
        limits.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(error, () => RunAsync(
            new RunRequest(parse.GetRequiredValue(file), parse.GetRequiredValue(export), parse.GetValue(args) ?? "[]", limits.Limits(parse)),
            context => limits.Settings(parse, context),
            output,
            cancellationToken), parse.GetValue(json)));
        return command;
    }

    private static async Task<int> RunAsync(
        RunRequest request, Func<InvocationContext, InMemoryConfigSource> settingsFor, TextWriter output, CancellationToken cancellationToken)
    {
        var target = LocalCall.ParseTarget(request.Export);
        var arguments = ParseArguments(request.ArgumentsJson);
        var context = InvocationContext.Local(Path.GetFileNameWithoutExtension(request.File));

        using var runtime = new LocalRuntime(fuel: request.Limits.Fuel is not null, settingsFor(context));
        var component = await runtime.LoadAsync(request.File, cancellationToken);
        var signature = LocalCall.Signature(component.Description, target);

        IReadOnlyList<Wasmtime.Components.ComponentValue> values;
        try
        {
            values = WitJson.ArgumentsFromJson(arguments, signature);
        }
        catch (WitJsonException exception)
        {
            throw new CliException($"--args do not match {target} {WitTypeFormatter.Format(signature)}: {exception.Message}");
        }

        var result = runtime.Sandbox.Invoke(component.Compiled, target, values, context, request.Limits);
        var outputJson = result.Output is { } value && signature.Result is { } type ? WitJson.ToJson(value, type) : null;
        await output.WriteLineAsync(CallReport.Json(result, outputJson).ToJsonString(CliJson.Line));
        return ExitCodes.For(result.Outcome);
    }

    private static JsonElement ParseArguments(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.Clone()
                : throw new CliException($"--args must be a JSON array of arguments, e.g. '[40, 2]'; got {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
        }
        catch (JsonException exception)
        {
            throw new CliException($"--args is not valid JSON: {exception.Message}");
        }
    }

    private sealed record RunRequest(string File, string Export, string ArgumentsJson, SandboxLimits Limits);
}
