using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
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
        var timeout = new Option<int>("--timeout-ms") { Description = "Wall-clock deadline in milliseconds.", DefaultValueFactory = _ => 100 };
        var memory = new Option<int>("--memory-mb") { Description = "Linear memory limit in MiB.", DefaultValueFactory = _ => 64 };
        var fuel = new Option<ulong?>("--fuel") { Description = "Fuel budget (deterministic instruction count); off when omitted." };
        var config = new Option<string[]>("--config") { Description = "A setting for the config import, as key=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--timeout-ms must be a positive number of milliseconds.");
            }
        });
        memory.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is <= 0 or > 4096)
            {
                result.AddError("--memory-mb must be between 1 and 4096.");
            }
        });
        fuel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<ulong?>() is 0)
            {
                result.AddError("--fuel must be positive.");
            }
        });

        var command = new Command("run", "Run one call of an export in the host's sandbox and print the result as JSON.")
        {
            file, export, args, timeout, memory, fuel, config,
        };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(error, () => RunAsync(
            new RunRequest(
                parse.GetRequiredValue(file),
                parse.GetRequiredValue(export),
                parse.GetValue(args) ?? "[]",
                new SandboxLimits
                {
                    Timeout = TimeSpan.FromMilliseconds(parse.GetValue(timeout)),
                    MemoryBytes = parse.GetValue(memory) * 1024L * 1024,
                    Fuel = parse.GetValue(fuel),
                },
                parse.GetValue(config) ?? []),
            output,
            cancellationToken)));
        return command;
    }

    private static async Task<int> RunAsync(RunRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        var target = ParseTarget(request.Export);
        var arguments = ParseArguments(request.ArgumentsJson);
        var context = InvocationContext.Local(Path.GetFileNameWithoutExtension(request.File));
        var settings = ParseSettings(request.Settings, context);

        using var runtime = new LocalRuntime(fuel: request.Limits.Fuel is not null, settings);
        var component = await runtime.LoadAsync(request.File, cancellationToken);
        var signature = FindSignature(component.Description, target);

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
        await output.WriteLineAsync(ResultJson(result, signature).ToJsonString());
        return ExitCodes.For(result.Outcome);
    }

    private static JsonObject ResultJson(InvocationResult result, ComponentFunctionSignature signature)
    {
        var json = new JsonObject
        {
            ["outcome"] = result.Outcome.ToWireName(),
            ["output"] = result.Output is { } value && signature.Result is { } type ? WitJson.ToJson(value, type) : null,
            ["durationMs"] = Math.Round(result.Duration.TotalMilliseconds, 3),
            ["fuelConsumed"] = result.FuelConsumed,
            ["logs"] = new JsonArray([.. result.Logs.Select(line => (JsonNode)new JsonObject
            {
                ["level"] = line.Level.ToString().ToLowerInvariant(),
                ["message"] = line.Message,
                ["elapsedMs"] = Math.Round(line.Elapsed.TotalMilliseconds, 3),
                ["source"] = line.Source.ToWireName(),
            })]),
        };
        if (result.LogsDropped > 0)
        {
            json["logsDropped"] = result.LogsDropped;
        }

        if (result.Trap is { } trap)
        {
            json["trap"] = trap.ToWireName();
        }

        if (result.Error is { } error)
        {
            json["error"] = error;
        }

        return json;
    }

    private static InvocationTarget ParseTarget(string export)
    {
        try
        {
            return InvocationTarget.Parse(export);
        }
        catch (FormatException exception)
        {
            throw new CliException(exception.Message);
        }
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

    private static InMemoryConfigSource ParseSettings(IEnumerable<string> settings, InvocationContext context)
    {
        var source = new InMemoryConfigSource();
        foreach (var setting in settings)
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliException($"--config '{setting}' must be key=value.");
            }

            source.Set(context.TenantId, context.ComponentName, setting[..equals], setting[(equals + 1)..]);
        }

        return source;
    }

    private static ComponentFunctionSignature FindSignature(ComponentDescription description, InvocationTarget target)
    {
        var signature = target.Interface is null
            ? description.FindExport(target.Function)?.Signature
            : description.FindExport(target.Interface)?.FindFunction(target.Function)?.Signature;
        if (signature is not null)
        {
            return signature;
        }

        var available = description.Exports
            .SelectMany(e => e.Signature is not null ? [e.Name] : e.Functions.Select(f => $"{e.Name}#{f.Name}"))
            .ToList();
        throw new CliException(string.Create(CultureInfo.InvariantCulture,
            $"the component has no export '{target}'. Exports: {(available.Count == 0 ? "(none)" : string.Join(", ", available))}."));
    }

    private sealed record RunRequest(string File, string Export, string ArgumentsJson, SandboxLimits Limits, string[] Settings);
}
