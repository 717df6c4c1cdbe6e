using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Sdk.Cli.Project;
using ExtensibilityHost.Sdk.Cli.Remote;
using ExtensibilityHost.Sdk.Client;
using Wasmtime.Components;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>ext replay &lt;invocation-id&gt; [file]</c>: fetches a production invocation's recorded input and
/// output, runs the same call locally against a file, and shows both runs side by side. Exit 0 when
/// the local run reproduces the recorded outcome and output, 23 when it does not.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var invocationId = new Argument<Guid>("invocation-id") { Description = "The invocation to replay (ext logs shows ids)." };
        var file = new Argument<string?>("file") { Description = "The component to run it against, or a project folder (default: the project in this folder).", Arity = ArgumentArity.ZeroOrOne };
        var keyValue = new Option<string?>("--kv") { Description = $"The key-value file (default: {TestCommand.DefaultKeyValueFile} in the project folder). Production state is not copied." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var limits = new LimitOptions();
        var connection = new ConnectionOptions();
        var command = new Command("replay", "Run a production invocation's recorded input locally and compare the outputs side by side.")
        {
            invocationId, file, keyValue, json,
        };
        limits.AddTo(command);
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            return CliAction.RunAsync(error, async () =>
            {
                var (path, name) = LocalCall.Resolve(parse.GetValue(file));
                using var remote = connection.Resolve(parse);
                var tenant = await remote.TenantAsync(cancellationToken);
                var recorded = await remote.Client.Invocations.GetAsync(tenant, parse.GetValue(invocationId), cancellationToken);
                if (recorded.Input is not { } input)
                {
                    throw new CliException(
                        $"invocation {recorded.Id} has no recorded input: the host keeps inputs when ExtensibilityHost:Invocations:RecordInputs is on "
                        + "(the default) and they are under MaxRecordedInputBytes; this one was not kept.");
                }

                var (target, arguments) = InvocationCapture.ReadInput(input.GetRawText());
                var context = InvocationContext.Local(name);
                var projectFolder = ProjectManifest.Find(Path.GetDirectoryName(Path.GetFullPath(path))!)?.Directory ?? ".";
                var store = new FileKeyValueStore(parse.GetValue(keyValue) ?? Path.Combine(projectFolder, TestCommand.DefaultKeyValueFile), new KeyValueOptions());
                using var runtime = new LocalRuntime(fuel: true, limits.Settings(parse, context), store);
                var component = await runtime.LoadAsync(path, cancellationToken);

                // A local build of another contract version than production's (1.0 → 1.1, say) is
                // called at its own version's export, with the recorded event fitted to it.
                target = ContractResolution.Resolve(component.Compiled, target, []).Target;
                var signature = LocalCall.Signature(component.Description, target, $" that invocation {recorded.Id} called: is {path} a build of '{recorded.Component}'?");
                arguments = EventHandlerCall.FitRecordedArguments(target, arguments, signature);

                IReadOnlyList<ComponentValue> values;
                try
                {
                    values = WitJson.ArgumentsFromJson(arguments, signature);
                }
                catch (WitJsonException exception)
                {
                    throw new CliException($"the recorded input does not fit {target} {WitTypeFormatter.Format(signature)} of {path}: {exception.Message}");
                }

                var local = runtime.Sandbox.Invoke(component.Compiled, target, values, context, limits.Limits(parse));
                store.Save();
                var localOutput = local.Output is { } value && signature.Result is { } type ? WitJson.ToJson(value, type) : null;
                var recordedOutput = recorded.Output is { } kept ? JsonNode.Parse(kept.GetRawText()) : null;
                var outputKept = recorded.Output is not null || recorded.Outcome is not ("ok" or "guest-error");
                var same = recorded.Outcome == local.Outcome.ToWireName() && (!outputKept || JsonNode.DeepEquals(recordedOutput, localOutput));

                if (asJson)
                {
                    await output.WriteLineAsync(new JsonObject
                    {
                        ["invocationId"] = recorded.Id.ToString(),
                        ["component"] = recorded.Component,
                        ["version"] = recorded.Version,
                        ["target"] = target.ToString(),
                        ["file"] = path,
                        ["same"] = same,
                        ["outputRecorded"] = outputKept,
                        ["recorded"] = new JsonObject
                        {
                            ["outcome"] = recorded.Outcome,
                            ["output"] = recordedOutput,
                            ["durationMs"] = recorded.DurationMs,
                            ["fuelConsumed"] = recorded.FuelConsumed,
                            ["logs"] = JsonSerializer.SerializeToNode(recorded.Logs, JsonSerializerOptions.Web),
                            ["trap"] = recorded.Trap,
                            ["error"] = recorded.Error,
                        },
                        ["local"] = CallReport.Json(local, localOutput),
                    }.ToJsonString(CliJson.Indented));
                }
                else
                {
                    await WriteTextAsync(output, recorded, recordedOutput, outputKept, path, local, localOutput, same);
                }

                return same ? ExitCodes.Ok : ExitCodes.ReplayDiffers;
            }, asJson);
        });
        return command;
    }

    private static async Task WriteTextAsync(
        TextWriter output, InvocationInfo recorded, JsonNode? recordedOutput, bool outputKept, string path,
        InvocationResult local, JsonNode? localOutput, bool same)
    {
        var version = recorded.Version is { } number ? $" v{number}" : "";
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Invocation {recorded.Id}: {recorded.Component}{version}, {recorded.Target}, {recorded.StartedAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss}Z"));
        static string Logs(IEnumerable<(string Source, string Level, string Message)> lines) =>
            string.Join('\n', lines.Select(l => $"{l.Source} {l.Level} {l.Message}").DefaultIfEmpty("(none)"));

        await SideBySide.WriteAsync(output, $"recorded ({recorded.Component}{version})", $"local ({Path.GetFileName(path)})",
        [
            ("outcome", recorded.Outcome + (recorded.Trap is null ? "" : $" ({recorded.Trap})"), local.Outcome.ToWireName() + (local.Trap is null ? "" : $" ({local.Trap.Value.ToWireName()})")),
            ("duration", string.Create(CultureInfo.InvariantCulture, $"{recorded.DurationMs:0.###} ms"), string.Create(CultureInfo.InvariantCulture, $"{local.Duration.TotalMilliseconds:0.###} ms")),
            ("output", outputKept ? recordedOutput?.ToJsonString(CliJson.Indented) ?? "(none)" : "(not recorded)", localOutput?.ToJsonString(CliJson.Indented) ?? "(none)"),
            ("logs", Logs(recorded.Logs.Select(l => (l.Source ?? "log", l.Level, l.Message))), Logs(CallReport.Lines(local))),
        ]);
        await output.WriteLineAsync(same
            ? outputKept
                ? "The local run reproduces the recorded outcome and output."
                : "The local run has the recorded outcome (the output was not recorded: over the cap)."
            : "The local run differs from the recorded one (≠ marks the lines). Key-value state and settings are local: --kv and --config set them.");
    }
}
