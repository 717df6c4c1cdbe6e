using System.Text.Json;
using ExtensibilityHost.Core.Components;
using Wasmtime;

namespace ExtensibilityHost.Core.Tests.Components;

/// <summary>JSON arguments converted with the inspected signature are accepted by a real component call.</summary>
public sealed class WitJsonComponentTests(WasmtimeEngineFixture fixture) : IClassFixture<WasmtimeEngineFixture>
{
    private const string Api = "acme:test/api@1.0.0";

    private string CallWithJson(string function, string arguments)
    {
        using var component = Component.FromText(fixture.Engine, TestComponents.ApiExport);
        var signature = new ComponentInspector(fixture.Engine).Inspect(component).FindExport(Api)!.FindFunction(function)!.Signature;
        using var linker = new ComponentLinker(fixture.Engine);
        using var store = new Store(fixture.Engine);
        using var document = JsonDocument.Parse(arguments);

        var call = linker.Instantiate(store, component).GetFunction(Api, function);
        Assert.NotNull(call);
        var result = call.Call(WitJson.ArgumentsFromJson(document.RootElement, signature));

        Assert.NotNull(result);
        return WitJson.ToJson(result, signature.Result!)!.ToJsonString();
    }

    [Fact]
    public void Call_IntegersFromJson_ReturnsJsonNumber() => Assert.Equal("42", CallWithJson("add", "[40, 2]"));

    [Fact]
    public void Call_RecordFromJson_ReturnsResultOfVariantAsJson() =>
        Assert.Equal("""{"ok":{"tag":"accepted"}}""", CallWithJson("check", """[{"id": "o-1", "qty": 3}]"""));
}
