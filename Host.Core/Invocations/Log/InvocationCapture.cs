using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;
using Microsoft.Extensions.Options;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>
/// What the invocation log keeps of a call, redacted and capped by <see cref="InvocationOptions"/>:
/// its input, <c>{"target": "interface#function", "args": [...]}</c> with the arguments as WIT JSON
/// (<see cref="WitJson"/>), and its output as WIT JSON; and the input back, for replaying it.
/// </summary>
internal sealed class InvocationCapture(IOptions<InvocationOptions> options)
{
    /// <summary>What a redacted value becomes.</summary>
    public const string Redacted = "[redacted]";

    private readonly InvocationOptions _options = options.Value;
    private readonly HashSet<string> _redacted = [.. ((IEnumerable<string>?)options.Value.RedactedFields ?? InvocationOptions.DefaultRedactedFields).Select(Normalize)];

    /// <summary>The input to record, or <see langword="null"/> when inputs are not recorded or it is over the cap.</summary>
    public string? Input(InvocationTarget target, IReadOnlyList<ComponentValue> arguments, ComponentFunctionSignature? signature)
    {
        if (!_options.RecordInputs || signature is null || signature.Parameters.Length != arguments.Count)
        {
            return null;
        }

        var args = new JsonArray();
        for (var i = 0; i < arguments.Count; i++)
        {
            args.Add(Redact(WitJson.ToJson(arguments[i], signature.Parameters[i].Type)));
        }

        var json = new JsonObject { ["target"] = target.ToString(), ["args"] = args }.ToJsonString();
        return Encoding.UTF8.GetByteCount(json) <= _options.MaxRecordedInputBytes ? json : null;
    }

    /// <summary>
    /// The output to record (the return value as WIT JSON, redacted), or <see langword="null"/> when
    /// inputs are not recorded, the call returned nothing, or it is over the cap.
    /// </summary>
    public string? Output(ComponentValue? output, ComponentFunctionSignature? signature)
    {
        if (!_options.RecordInputs || output is null || signature?.Result is not { } type)
        {
            return null;
        }

        JsonNode? json;
        try
        {
            json = Redact(WitJson.ToJson(output, type));
        }
        catch (WitJsonException)
        {
            // An output that does not fit its own type is the call's problem, reported as its outcome.
            return null;
        }

        var text = json?.ToJsonString() ?? "null";
        return Encoding.UTF8.GetByteCount(text) <= _options.MaxRecordedInputBytes ? text : null;
    }

    /// <summary>Reads a recorded input: its target and its JSON arguments.</summary>
    /// <exception cref="JsonException">The text is not a recorded input.</exception>
    public static (InvocationTarget Target, JsonElement Arguments) ReadInput(string inputJson)
    {
        ArgumentNullException.ThrowIfNull(inputJson);
        using var document = JsonDocument.Parse(inputJson);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("target", out var target) || target.ValueKind != JsonValueKind.String
            || !root.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException("A recorded input is {\"target\": \"…\", \"args\": [...]}.");
        }

        return (InvocationTarget.Parse(target.GetString()!), args.Clone());
    }

    private JsonNode? Redact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    obj[name] = _redacted.Contains(Normalize(name)) ? JsonValue.Create(Redacted) : Redact(value?.DeepClone());
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    array[i] = Redact(array[i]?.DeepClone());
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && LooksLikeJson(text):
                // JSON carried as text (an event's payload, a generic point's input) is redacted inside.
                try
                {
                    return JsonValue.Create(Redact(JsonNode.Parse(text))?.ToJsonString() ?? "null");
                }
                catch (JsonException)
                {
                    return value;
                }

            default:
                return node;
        }
    }

    private static bool LooksLikeJson(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return !trimmed.IsEmpty && trimmed[0] is '{' or '[';
    }

    private static string Normalize(string name) => name.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
}
