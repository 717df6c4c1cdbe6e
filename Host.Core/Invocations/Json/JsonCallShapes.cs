using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.ExtensionPoint;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Sdk.Wit.Runtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Invocations.Json;

/// <summary>
/// JSON in and out of a call, by <see cref="JsonCallShape"/>: the arguments a JSON input becomes and
/// what a call's return value reads as. The host's calls (<see cref="JsonInvoker"/>) and <c>ext test</c>
/// use this one conversion.
/// </summary>
internal static class JsonCallShapes
{
    /// <summary>The signature a generic extension point's <c>invoke</c> must have.</summary>
    public static readonly ComponentFunctionSignature GenericPointSignature =
        SaasExtensibilityWorlds.ExtensionPoint.FindFunction("invoke")!.Signature;

    /// <summary>The arguments of a call with <paramref name="input"/>.</summary>
    /// <exception cref="WitJsonException">The input does not match the function's WIT types.</exception>
    public static IReadOnlyList<ComponentValue> Arguments(JsonCallShape shape, JsonElement input, string? point, ComponentFunctionSignature signature) => shape switch
    {
        JsonCallShape.GenericPoint => ExtensionPointClient.EncodeInvokeArguments(point!, input.GetRawText()),
        JsonCallShape.TypedPoint when signature.Parameters.Length == 1 =>
            [WitJson.FromJson(input, signature.Parameters[0].Type, $"argument '{signature.Parameters[0].Name}'")],
        _ => WitJson.ArgumentsFromJson(input, signature),
    };

    /// <summary>
    /// What a call's return value reads as in <paramref name="shape"/>: <paramref name="ran"/> with
    /// its JSON <see cref="ExtensionCallResult.Output"/> or <see cref="ExtensionCallResult.ErrorValue"/>,
    /// or <see cref="ExtensionCallStatus.InvalidOutput"/> when the value cannot be read. A call that
    /// did not run, or ended without a return value (trap, timeout…), is returned as it is.
    /// </summary>
    public static ExtensionCallResult Read(JsonCallShape shape, ExtensionCallResult ran, ComponentFunctionSignature signature)
    {
        ArgumentNullException.ThrowIfNull(ran);
        if (ran.Invocation is not { Outcome: InvocationOutcome.Ok or InvocationOutcome.GuestError } invocation)
        {
            return ran;
        }

        try
        {
            var ok = invocation.Outcome == InvocationOutcome.Ok;
            if (shape == JsonCallShape.GenericPoint)
            {
                return ReadGenericPoint(ran, invocation.Output);
            }

            if (shape == JsonCallShape.ExportArguments)
            {
                var whole = signature.Result is null || invocation.Output is null ? null : WitJson.ToJson(invocation.Output, signature.Result);
                return ran with { Output = Element(whole), ErrorValue = ok ? null : Element(whole?["err"]) };
            }

            var (payload, payloadType) = Unwrap(invocation.Output, signature.Result);
            var payloadJson = payload is null || payloadType is null ? null : WitJson.ToJson(payload, payloadType);
            if (!ok)
            {
                return ran with { ErrorValue = Element(payloadJson) };
            }

            return ran with { Output = Element(payloadJson) };
        }
        catch (Exception exception) when (exception is WitJsonException or JsonException or WitValueException)
        {
            return ran with { Status = ExtensionCallStatus.InvalidOutput, Error = $"the component's output is not valid: {exception.Message}" };
        }
    }

    /// <summary>
    /// <c>invoke</c>'s <c>result&lt;string, failure&gt;</c> through the generated bindings: the
    /// <c>ok</c> text parsed as JSON, the <c>failure</c> as <c>{"code", "message"}</c> (the JSON
    /// mapping of the record).
    /// </summary>
    private static ExtensionCallResult ReadGenericPoint(ExtensionCallResult ran, ComponentValue? output)
    {
        var result = ExtensionPointClient.DecodeInvokeResult(output ?? throw new WitValueException("invoke returned no value."));
        return result.TryGetValue(out var text)
            ? ran with { Output = ParseJsonText(text) }
            : ran with { ErrorValue = Element(new JsonObject { ["code"] = result.Error.Code, ["message"] = result.Error.Message }) };
    }

    /// <summary>A result's payload and its type; any other value as it is.</summary>
    private static (ComponentValue? Payload, WitType? Type) Unwrap(ComponentValue? value, WitType? type) =>
        value is not null && type is WitType.Result result
            ? (value.Payload, value.IsOk ? result.Ok : result.Err)
            : (value, type);

    private static JsonElement ParseJsonText(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    private static JsonElement Element(JsonNode? node) => JsonSerializer.SerializeToElement(node);
}
