using ExtensibilityHost.Core.Components;

namespace ExtensibilityHost.Core.Tests.Components;

public sealed class ComponentInspectorTests(WasmtimeEngineFixture fixture) : IClassFixture<WasmtimeEngineFixture>
{
    private ComponentDescription Describe(string wat)
    {
        using var component = Component.FromText(fixture.Engine, wat);
        return new ComponentInspector(fixture.Engine).Inspect(component);
    }

    [Fact]
    public void Inspect_InterfaceExport_ListsInstanceWithItsFunctions()
    {
        var description = Describe(TestComponents.ApiExport);

        var api = description.FindExport("acme:test/api@1.0.0");

        Assert.NotNull(api);
        Assert.Equal(ComponentItemKind.Instance, api.Kind);
        Assert.Equal(["add", "check"], api.Functions.Select(f => f.Name));
    }

    [Fact]
    public void Inspect_TwoIntegerFunction_FormatsSignature()
    {
        var description = Describe(TestComponents.ApiExport);

        var add = description.FindExport("acme:test/api@1.0.0")!.FindFunction("add");

        Assert.Equal("func(a: u32, b: u32) -> u32", WitTypeFormatter.Format(add!.Signature));
    }

    [Fact]
    public void Inspect_RecordToResultFunction_FormatsSignatureStructurally()
    {
        var description = Describe(TestComponents.ApiExport);

        var check = description.FindExport("acme:test/api@1.0.0")!.FindFunction("check");

        Assert.Equal(
            "func(order: record { id: string, qty: u32 }) -> result<variant { accepted, rejected(string) }, record { code: string, message: string }>",
            WitTypeFormatter.Format(check!.Signature));
    }

    [Fact]
    public void Inspect_RecordToResultFunction_EqualsSignatureBuiltInCode()
    {
        var expected = ComponentFunctionSignature.Of(
            WitType.ResultOf(
                WitType.VariantOf(("accepted", null), ("rejected", WitType.String)),
                WitType.RecordOf(("code", WitType.String), ("message", WitType.String))),
            ("order", WitType.RecordOf(("id", WitType.String), ("qty", WitType.U32))));

        var description = Describe(TestComponents.ApiExport);

        Assert.Equal(expected, description.FindExport("acme:test/api@1.0.0")!.FindFunction("check")!.Signature);
    }

    [Fact]
    public void Inspect_TopLevelFunctionExport_IsFunctionWithSignature()
    {
        var description = Describe(TestComponents.ApiExport);

        var add = description.FindExport("add");

        Assert.Equal(ComponentItemKind.Function, add!.Kind);
        Assert.Equal(ComponentFunctionSignature.Of(WitType.U32, ("a", WitType.U32), ("b", WitType.U32)), add.Signature);
    }

    [Fact]
    public void Inspect_ImportedInterface_ListsImportWithFunctionSignature()
    {
        var description = Describe(TestComponents.LoggingImport);

        var logging = description.FindImport("saas:extensibility/logging@1.0.0");

        Assert.NotNull(logging);
        Assert.Equal(ComponentItemKind.Instance, logging.Kind);
        Assert.Equal(
            "func(level: enum { trace, debug, info, warn, error }, message: string)",
            WitTypeFormatter.Format(Assert.Single(logging.Functions).Signature));
    }

    [Fact]
    public void Inspect_ImportOnlyComponent_HasExactlyThatImport() =>
        Assert.Equal(["saas:extensibility/logging@1.0.0"], Describe(TestComponents.LoggingImport).Imports.Select(i => i.Name));

    [Fact]
    public void Inspect_ImportOnlyComponent_HasNoExports()
    {
        var description = Describe(TestComponents.LoggingImport);

        Assert.Empty(description.Exports);
    }

    [Fact]
    public void Inspect_ExportedTypes_AreListedAsTypes()
    {
        var description = Describe(TestComponents.EveryKind);

        var e = description.FindExport("e");

        Assert.Equal(ComponentItemKind.Type, e!.Kind);
        Assert.Equal(WitType.EnumOf("a", "b"), e.Type);
    }

    [Fact]
    public void Inspect_EveryValueKind_ReadsEachParameterType()
    {
        WitType[] expected =
        [
            WitType.Bool, WitType.S8, WitType.S16, WitType.S32, WitType.S64,
            WitType.U8, WitType.U16, WitType.U32, WitType.U64,
            WitType.F32, WitType.F64, WitType.Char, WitType.String,
            WitType.ListOf(WitType.U8),
            WitType.TupleOf(WitType.U32, WitType.String),
            WitType.OptionOf(WitType.OptionOf(WitType.U32)),
            WitType.ResultOf(WitType.String, WitType.U32),
            WitType.ResultOf(null, null),
            WitType.ResultOf(null, WitType.String),
            WitType.EnumOf("a", "b"),
            WitType.FlagsOf("x", "y"),
            WitType.VariantOf(("none", null), ("some", WitType.U8)),
        ];

        var description = Describe(TestComponents.EveryKind);

        var signature = description.FindExport("everything")!.Signature!;
        Assert.Equal(expected, signature.Parameters.Select(p => p.Type));
        Assert.Null(signature.Result);
    }

    [Fact]
    public void Inspect_DisposedComponent_ThrowsObjectDisposed()
    {
        var component = Component.FromText(fixture.Engine, TestComponents.ApiExport);
        component.Dispose();

        Assert.Throws<ObjectDisposedException>(() => new ComponentInspector(fixture.Engine).Inspect(component));
    }

    [Fact]
    public void Inspect_SameComponentTwice_GivesEqualSignatures()
    {
        using var component = Component.FromText(fixture.Engine, TestComponents.EveryKind);
        var inspector = new ComponentInspector(fixture.Engine);

        var first = inspector.Inspect(component).FindExport("everything")!.Signature;
        var second = inspector.Inspect(component).FindExport("everything")!.Signature;

        Assert.Equal(first, second);
    }
}
