using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Decision = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.Types.Decision;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Json;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Sdk.Cli.Project;
using Microsoft.Extensions.Options;
using Wasmtime.Components;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>ext test [file] --event &lt;json&gt; | --point &lt;name&gt; --input &lt;json&gt;</c>: one event or
/// extension-point call the way the host makes it (the same event record, input checks, limits,
/// imports and reading of the answer), with key-value state in a local file. Shows the decision or
/// output, the logs, the outcome, the duration and the fuel used.
/// </summary>
internal static class TestCommand
{
    /// <summary>Where the key-value file is by default, relative to the project (or current) folder.</summary>
    public const string DefaultKeyValueFile = ".ext/kv.json";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string?>("file") { Description = "The component, or a project folder (default: the project in this folder).", Arity = ArgumentArity.ZeroOrOne };
        var eventOption = new Option<string?>("--event")
        {
            Description = """An event, as you would publish it: '{"eventType": "order.placed", "payload": {...}}' (or @file.json). Its handler runs.""",
        };
        var point = new Option<string?>("--point") { Description = "An extension point's name: the component's invoke(point, input) runs." };
        var input = new Option<string?>("--input") { Description = "The extension point's input as JSON (or @file.json)." };
        var export = new Option<string?>("--export") { Description = "For a typed extension point: the function, 'interface#func' (default: the generic saas:extensibility/extension-point invoke)." };
        var keyValue = new Option<string?>("--kv") { Description = $"The key-value file (default: {DefaultKeyValueFile} in the project folder). It keeps state between runs." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var limits = new LimitOptions();
        var command = new Command("test", "Run an event or an extension-point call through the component the way the host does, with a local key-value file.")
        {
            file, eventOption, point, input, export, keyValue, json,
        };
        limits.AddTo(command);
        command.Validators.Add(result =>
        {
            var hasEvent = result.GetValue(eventOption) is not null;
            var hasPoint = result.GetValue(point) is not null;
            if (hasEvent == hasPoint)
            {
                result.AddError("Give --event '<json>' (an event handler) or --point <name> --input '<json>' (an extension point), not both.");
            }
            else if (hasPoint && result.GetValue(input) is null)
            {
                result.AddError("--point needs --input '<json>': the input the application would send.");
            }
            else if (hasEvent && (result.GetValue(input) is not null || result.GetValue(export) is not null))
            {
                result.AddError("--input and --export belong to --point; an event's payload is inside --event.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            return CliAction.RunAsync(error, () => TestAsync(new TestRequest(
                parse.GetValue(file), parse.GetValue(eventOption), parse.GetValue(point), parse.GetValue(input), parse.GetValue(export),
                parse.GetValue(keyValue), limits, parse, asJson), output, cancellationToken), asJson);
        });
        return command;
    }

    private static async Task<int> TestAsync(TestRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        var (path, name) = LocalCall.Resolve(request.File);
        var context = InvocationContext.Local(name);
        var projectFolder = ProjectManifest.Find(Path.GetDirectoryName(Path.GetFullPath(path))!)?.Directory ?? ".";
        var keyValue = new FileKeyValueStore(request.KeyValueFile ?? Path.Combine(projectFolder, DefaultKeyValueFile), new KeyValueOptions());
        var limits = request.Limits.Limits(request.Parse);

        using var runtime = new LocalRuntime(fuel: true, request.Limits.Settings(request.Parse, context), keyValue);
        var component = await runtime.LoadAsync(path, cancellationToken);
        var call = request.Event is not null
            ? EventCall(component.Description, request.Event)
            : PointCall(component.Description, request.Point!, request.Input!, request.Export);

        var result = runtime.Sandbox.Invoke(component.Compiled, call.Target, call.Arguments, context, limits);
        keyValue.Save();
        var answer = call.Read(result);

        var report = CallReport.Json(result, answer.Output);
        report.Remove("output");
        var document = new JsonObject { ["file"] = path, ["component"] = name, ["kind"] = request.Event is not null ? "event" : "point" };
        foreach (var (key, value) in report)
        {
            document[key] = value?.DeepClone();
        }

        document[request.Event is not null ? "decision" : "output"] = answer.Output;
        if (answer.ErrorValue is not null)
        {
            document["errorValue"] = answer.ErrorValue;
        }

        if (answer.Problem is not null)
        {
            document["error"] = answer.Problem;
        }

        document["keyValue"] = new JsonObject { ["file"] = keyValue.FilePath, ["keys"] = keyValue.Count };

        if (request.Json)
        {
            await output.WriteLineAsync(document.ToJsonString(CliJson.Indented));
        }
        else
        {
            await output.WriteLineAsync(CallReport.Headline(result.Outcome.ToWireName(), result.Duration.TotalMilliseconds, (long?)result.FuelConsumed,
                result.Trap?.ToWireName(), answer.Problem ?? result.Error));
            if (answer.Output is not null)
            {
                await output.WriteLineAsync($"{(request.Event is not null ? "decision" : "output")}: {Describe(answer.Output)}");
            }

            if (answer.ErrorValue is not null)
            {
                await output.WriteLineAsync($"error value: {answer.ErrorValue.ToJsonString(CliJson.Line)}");
            }

            await output.WriteLineAsync("logs:");
            await CallReport.WriteLogsAsync(output, CallReport.Lines(result), result.LogsDropped);
            await output.WriteLineAsync($"key-value: {keyValue.FilePath} ({keyValue.Count} key(s))");
        }

        return answer.Problem is not null && result.Outcome == InvocationOutcome.Ok ? ExitCodes.InvalidOutput : ExitCodes.For(result.Outcome);
    }

    private static string Describe(JsonNode output) => output is JsonObject { Count: > 0 } decision && decision["type"] is JsonValue type
        ? type.GetValue<string>() switch
        {
            "veto" => $"veto — {decision["reason"]}",
            "replace" => $"replace — {decision["payload"]?.ToJsonString(CliJson.Line)}",
            var other => other,
        }
        : output.ToJsonString(CliJson.Line);

    /// <summary>An event handler's call: the host's event record, checked by the host's event rules.</summary>
    private static PreparedCall EventCall(ComponentDescription description, string eventText)
    {
        var element = LocalCall.Json(eventText, "--event");
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("eventType", out var type) || type.ValueKind != JsonValueKind.String
            || !element.TryGetProperty("payload", out var payload))
        {
            throw new CliException("""--event is an event as the publish API takes it: {"eventType": "order.placed", "payload": {...}} (and optionally "eventId").""");
        }

        var domainEvent = new DomainEvent("local", type.GetString()!, payload.GetRawText());
        if (element.TryGetProperty("eventId", out var id) && id.ValueKind == JsonValueKind.String)
        {
            domainEvent = domainEvent with { EventId = id.GetString()! };
        }

        var eventOptions = new EventOptions();
        var validation = new DomainEventValidator(Options.Create(eventOptions)).Validate(domainEvent);
        if (!validation.IsValid)
        {
            throw new CliException($"the host would refuse this event: {string.Join(" ", validation.Errors.Select(e => e.ErrorMessage))}");
        }

        LocalCall.Signature(description, EventHandlerCall.Target, " (an event handler exports it: build for world saas:extensibility/event-extension@1.0.0)");
        var arguments = EventHandlerCall.Arguments(EventHandlerCall.Event(domainEvent.EventId, domainEvent.EventType, domainEvent.TenantId, domainEvent.OccurredAt, domainEvent.Payload));
        return new PreparedCall(EventHandlerCall.Target, arguments, result => ReadDecision(result, eventOptions));
    }

    /// <summary>The decision as the publisher reads it: proceed, veto with a reason, or replace with a valid JSON payload.</summary>
    private static Answer ReadDecision(InvocationResult result, EventOptions options)
    {
        if (result.Outcome == InvocationOutcome.GuestError)
        {
            return new Answer(null, null, EventHandlerCall.Failure(result.Output) ?? result.Error);
        }

        if (result.Outcome != InvocationOutcome.Ok)
        {
            return new Answer(null, null, null);
        }

        switch (EventHandlerCall.Decision(result.Output))
        {
            case Decision.Proceed:
                return new Answer(new JsonObject { ["type"] = "proceed" }, null, null);
            case Decision.Veto(var reason):
                return new Answer(new JsonObject { ["type"] = "veto", ["reason"] = reason }, null, null);
            case Decision.Replace(var replacement):
                return JsonPayload.Problem(replacement, options.MaxPayloadBytes) is { } problem
                    ? new Answer(null, null, $"the host would refuse the replacement payload: {problem}")
                    : new Answer(new JsonObject { ["type"] = "replace", ["payload"] = JsonNode.Parse(replacement) }, null, null);
            default:
                return new Answer(null, null, "the handler returned something other than a decision (proceed, veto or replace)");
        }
    }

    /// <summary>An extension point's call: the generic invoke(point, input), or a typed point's function.</summary>
    private static PreparedCall PointCall(ComponentDescription description, string point, string inputText, string? export)
    {
        var input = LocalCall.Json(inputText, "--input");
        var (target, shape) = export is null
            ? (new InvocationTarget(HostInterfaces.ExtensionPoint, "invoke"), JsonCallShape.GenericPoint)
            : (LocalCall.ParseTarget(export), JsonCallShape.TypedPoint);
        var signature = LocalCall.Signature(description, target,
            export is null ? " (a generic extension point exports it: build for world saas:extensibility/point-extension@1.0.0, or name a typed point's function with --export)" : null);
        if (shape == JsonCallShape.GenericPoint && !signature.Equals(JsonCallShapes.GenericPointSignature))
        {
            throw new CliException($"'{target}' is {WitTypeFormatter.Format(signature)}, not the generic point's {WitTypeFormatter.Format(JsonCallShapes.GenericPointSignature)}.");
        }

        IReadOnlyList<ComponentValue> arguments;
        try
        {
            arguments = JsonCallShapes.Arguments(shape, input, point, signature);
        }
        catch (WitJsonException exception)
        {
            throw new CliException($"--input does not match {target} {WitTypeFormatter.Format(signature)}: {exception.Message}");
        }

        return new PreparedCall(target, arguments, result =>
        {
            var read = JsonCallShapes.Read(shape, ExtensionCallResult.Of(result), signature);
            return read.Status switch
            {
                ExtensionCallStatus.Ok => new Answer(JsonNode.Parse(read.Output!.Value.GetRawText()), null, null),
                ExtensionCallStatus.InvalidOutput => new Answer(null, null, read.Error),
                _ => new Answer(null, read.ErrorValue is { } value ? JsonNode.Parse(value.GetRawText()) : null, null),
            };
        });
    }

    private sealed record PreparedCall(InvocationTarget Target, IReadOnlyList<ComponentValue> Arguments, Func<InvocationResult, Answer> Read);

    /// <summary>What the host reads from the call: the decision or output, an err value, or why it would not accept the answer.</summary>
    private sealed record Answer(JsonNode? Output, JsonNode? ErrorValue, string? Problem);

    private sealed record TestRequest(
        string? File, string? Event, string? Point, string? Input, string? Export, string? KeyValueFile, LimitOptions Limits, ParseResult Parse, bool Json);
}
