using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Runtime.Imports;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.Invocations;

/// <summary>What the invocation log keeps of a call's input and output: WIT JSON, redacted, capped.</summary>
public sealed class InvocationCaptureTests
{
    private static readonly InvocationTarget Handle = new(HostInterfaces.EventHandler, "handle");
    private static readonly ComponentFunctionSignature HandleSignature = SaasExtensibilityWorlds.EventHandler.FindFunction("handle")!.Signature;
    private static readonly InvocationTarget Invoke = new(HostInterfaces.ExtensionPoint, "invoke");
    private static readonly ComponentFunctionSignature InvokeSignature = SaasExtensibilityWorlds.ExtensionPoint.FindFunction("invoke")!.Signature;

    private static InvocationCapture Inputs(InvocationOptions? options = null) => new(Options.Create(options ?? new InvocationOptions()));

    private static ComponentValue Event(string payload) => ComponentValue.Record(
    [
        new("id", ComponentValue.String("e-1")),
        new("event-type", ComponentValue.String("order.placed")),
        new("tenant-id", ComponentValue.String("acme")),
        new("occurred-at", ComponentValue.U64(1_764_000_000_000)),
        new("payload", ComponentValue.String(payload)),
    ]);

    [Fact]
    public void Capture_Event_IsTheTargetAndTheArgumentsAsWitJson()
    {
        var json = Inputs().Input(Handle, [Event("""{"orderId":42}""")], HandleSignature);

        var input = JsonNode.Parse(json!)!;
        Assert.Equal("saas:extensibility/event-handler@1.0.0#handle", input["target"]!.GetValue<string>());
        var recorded = input["args"]![0]!;
        Assert.Equal("order.placed", recorded["event-type"]!.GetValue<string>());
        Assert.Equal(1_764_000_000_000UL, recorded["occurred-at"]!.GetValue<ulong>());
        Assert.Equal("""{"orderId":42}""", recorded["payload"]!.GetValue<string>());
    }

    [Fact]
    public void Capture_SecretsInsideAJsonPayload_AreRedactedAndTheRestKept()
    {
        var json = Inputs().Input(Handle, [Event("""{"card":{"cardNumber":"4111111111111111","cvv":"123"},"user":{"pass_word":"x","Password":"hunter2"},"orderId":7}""")], HandleSignature);

        var payload = JsonNode.Parse(JsonNode.Parse(json!)!["args"]![0]!["payload"]!.GetValue<string>())!;
        Assert.Equal("[redacted]", payload["card"]!["cardNumber"]!.GetValue<string>());
        Assert.Equal("[redacted]", payload["card"]!["cvv"]!.GetValue<string>());
        Assert.Equal("[redacted]", payload["user"]!["Password"]!.GetValue<string>());
        Assert.Equal(7, payload["orderId"]!.GetValue<int>());
        Assert.DoesNotContain("hunter2", json, StringComparison.Ordinal);
        Assert.DoesNotContain("4111", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_ConfiguredFields_ReplaceTheDefaults()
    {
        var inputs = Inputs(new InvocationOptions { RedactedFields = ["email"] });

        var json = inputs.Input(Invoke, [ComponentValue.String("p"), ComponentValue.String("""{"e-mail":"a@b.c","password":"kept"}""")], InvokeSignature);

        var input = JsonNode.Parse(JsonNode.Parse(json!)!["args"]![1]!.GetValue<string>())!;
        Assert.Equal("[redacted]", input["e-mail"]!.GetValue<string>());
        Assert.Equal("kept", input["password"]!.GetValue<string>());
    }

    [Fact]
    public void Capture_TextThatIsNotJson_IsKeptAsItIs()
    {
        var json = Inputs().Input(Invoke, [ComponentValue.String("point"), ComponentValue.String("{not json, password")], InvokeSignature);

        Assert.Equal("{not json, password", JsonNode.Parse(json!)!["args"]![1]!.GetValue<string>());
    }

    [Fact]
    public void Capture_OverTheCap_RecordsNothing()
    {
        var inputs = Inputs(new InvocationOptions { MaxRecordedInputBytes = 200 });

        Assert.NotNull(inputs.Input(Invoke, [ComponentValue.String("p"), ComponentValue.String("{}")], InvokeSignature));
        Assert.Null(inputs.Input(Invoke, [ComponentValue.String("p"), ComponentValue.String(new string('x', 300))], InvokeSignature));
    }

    [Fact]
    public void Capture_Disabled_RecordsNothing()
    {
        Assert.Null(Inputs(new InvocationOptions { RecordInputs = false }).Input(Handle, [Event("{}")], HandleSignature));
    }

    [Fact]
    public void Output_Result_IsWitJsonRedacted()
    {
        var output = ComponentValue.Ok(ComponentValue.String("""{"token":"abc","total":5}"""));

        var json = Inputs().Output(output, InvokeSignature);

        var ok = JsonNode.Parse(JsonNode.Parse(json!)!["ok"]!.GetValue<string>())!;
        Assert.Equal(("[redacted]", 5), (ok["token"]!.GetValue<string>(), ok["total"]!.GetValue<int>()));
    }

    [Fact]
    public void Output_NothingReturnedOrNotRecorded_IsNull()
    {
        Assert.Null(Inputs().Output(null, InvokeSignature));
        Assert.Null(Inputs(new InvocationOptions { RecordInputs = false }).Output(ComponentValue.Ok(ComponentValue.String("{}")), InvokeSignature));
    }

    [Fact]
    public void Read_RecordedInput_GivesBackTargetAndArguments()
    {
        var json = Inputs().Input(Invoke, [ComponentValue.String("pricing"), ComponentValue.String("{}")], InvokeSignature)!;

        var (target, arguments) = InvocationCapture.ReadInput(json);

        Assert.Equal(Invoke, target);
        Assert.Equal(["pricing", "{}"], arguments.EnumerateArray().Select(a => a.GetString()));
    }
}
