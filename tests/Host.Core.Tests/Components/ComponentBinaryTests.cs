using ExtensibilityHost.Core.Components;
using Wasmtime;

namespace ExtensibilityHost.Core.Tests.Components;

public sealed class ComponentBinaryTests(WasmtimeEngineFixture fixture) : IClassFixture<WasmtimeEngineFixture>
{
    private static readonly byte[] ComponentPreamble = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

    private static readonly byte[] CoreModulePreamble = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

    /// <summary>A custom section (id 0) named "n" carrying three bytes.</summary>
    private static readonly byte[] CustomSection = [0x00, 0x05, 0x01, (byte)'n', 0xaa, 0xbb, 0xcc];

    [Fact]
    public void Check_NoBytes_ReportsEmpty()
    {
        var check = ComponentBinary.Check([]);

        Assert.Equal(ComponentBinaryFormat.Empty, check.Format);
        Assert.Equal(ComponentLoadError.Empty, check.Error!.Code);
    }

    [Fact]
    public void Check_Garbage_ReportsNotWasm()
    {
        var check = ComponentBinary.Check("PK\u0003\u0004 definitely a zip"u8);

        Assert.Equal(ComponentBinaryFormat.NotWasm, check.Format);
        Assert.Equal(ComponentLoadError.NotWasm, check.Error!.Code);
    }

    [Fact]
    public void Check_WebAssemblyText_SaysToUploadTheBinary()
    {
        var check = ComponentBinary.Check("  (component)"u8);

        Assert.Equal(ComponentLoadError.NotWasm, check.Error!.Code);
        Assert.Contains("WebAssembly text", check.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CoreModule_ReportsCoreModule()
    {
        var check = ComponentBinary.Check(CoreModulePreamble);

        Assert.Equal(ComponentBinaryFormat.CoreModule, check.Format);
        Assert.Equal(ComponentLoadError.CoreModule, check.Error!.Code);
    }

    [Fact]
    public void Check_CoreModule_SaysHowToMakeAComponent()
    {
        var check = ComponentBinary.Check(CoreModulePreamble);

        Assert.Contains("this is a core WebAssembly module, not a component", check.Error!.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("wasm-tools component new", check.Error.Message, StringComparison.Ordinal);
        Assert.Contains("componentNew", check.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_PrefixOfMagic_ReportsTruncated()
    {
        var check = ComponentBinary.Check([0x00, 0x61]);

        Assert.Equal(ComponentBinaryFormat.Truncated, check.Format);
        Assert.Equal(ComponentLoadError.Truncated, check.Error!.Code);
    }

    [Fact]
    public void Check_PreambleCutShort_ReportsTruncated()
    {
        var check = ComponentBinary.Check(ComponentPreamble.AsSpan(0, 6));

        Assert.Equal(ComponentBinaryFormat.Truncated, check.Format);
    }

    [Fact]
    public void Check_PreambleOnlyComponent_IsComponent()
    {
        var check = ComponentBinary.Check(ComponentPreamble);

        Assert.True(check.IsComponent);
        Assert.Equal(ComponentBinaryFormat.Component, check.Format);
    }

    [Fact]
    public void Check_ComponentWithCompleteSection_IsComponent()
    {
        var check = ComponentBinary.Check([.. ComponentPreamble, .. CustomSection]);

        Assert.True(check.IsComponent);
    }

    [Fact]
    public void Check_SectionLongerThanTheRest_ReportsTruncated()
    {
        byte[] bytes = [.. ComponentPreamble, .. CustomSection];

        var check = ComponentBinary.Check(bytes.AsSpan(0, bytes.Length - 1));

        Assert.Equal(ComponentBinaryFormat.Truncated, check.Format);
        Assert.Contains("offset 0x8", check.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SectionSizeCutOff_ReportsTruncated()
    {
        var check = ComponentBinary.Check([.. ComponentPreamble, 0x00, 0x80]);

        Assert.Equal(ComponentBinaryFormat.Truncated, check.Format);
    }

    [Fact]
    public void Check_PreStandardComponentVersion_ReportsUnsupportedVersion()
    {
        var check = ComponentBinary.Check([0x00, 0x61, 0x73, 0x6d, 0x0c, 0x00, 0x01, 0x00]);

        Assert.Equal(ComponentBinaryFormat.UnsupportedVersion, check.Format);
        Assert.Equal(ComponentLoadError.UnsupportedVersion, check.Error!.Code);
    }

    [Fact]
    public void Check_PreambleOnlyComponent_IsAcceptedByWasmtime()
    {
        using var component = Component.FromBytes(fixture.Engine, ComponentPreamble);

        Assert.Empty(new ComponentInspector(fixture.Engine).Inspect(component).Exports);
    }

    [Fact]
    public void FromCompileFailure_SectionContentEndsEarly_ReportsTruncated()
    {
        // A type section (id 7) of one byte that announces five types: the header walk passes, Wasmtime runs out of bytes.
        byte[] bytes = [.. ComponentPreamble, 0x07, 0x01, 0x05];
        Assert.True(ComponentBinary.Check(bytes).IsComponent);

        var exception = Assert.Throws<WasmtimeException>(() => Component.FromBytes(fixture.Engine, bytes));
        var error = ComponentLoadError.FromCompileFailure(exception);

        Assert.Equal(ComponentLoadError.Truncated, error.Code);
    }

    [Fact]
    public void FromCompileFailure_UnknownSection_ReportsInvalidComponentOnOneLine()
    {
        byte[] bytes = [.. ComponentPreamble, 0x7f, 0x01, 0x00];
        Assert.True(ComponentBinary.Check(bytes).IsComponent);

        var exception = Assert.Throws<WasmtimeException>(() => Component.FromBytes(fixture.Engine, bytes));
        var error = ComponentLoadError.FromCompileFailure(exception);

        Assert.Equal(ComponentLoadError.InvalidComponent, error.Code);
        Assert.DoesNotContain('\n', error.Message);
    }
}
