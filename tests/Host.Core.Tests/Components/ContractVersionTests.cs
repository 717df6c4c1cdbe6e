using ExtensibilityHost.Core.Components;

namespace ExtensibilityHost.Core.Tests.Components;

/// <summary>Which <c>saas:extensibility</c> version a component targets, from its item names and from real inspected components.</summary>
public sealed class ContractVersionTests(WasmtimeEngineFixture fixture) : IClassFixture<WasmtimeEngineFixture>
{
    private ComponentDescription Describe(string wat)
    {
        using var component = Component.FromText(fixture.Engine, wat);
        return new ComponentInspector(fixture.Engine).Inspect(component);
    }

    [Theory]
    [InlineData(new[] { "saas:extensibility/logging@1.0.0", "saas:extensibility/event-handler@1.0.0" }, "1.0.0")]
    [InlineData(new[] { "saas:extensibility/logging@1.0.0", "saas:extensibility/event-handler@1.1.0" }, "1.1.0")]
    [InlineData(new[] { "saas:extensibility/event-handler@1.1.0", "saas:extensibility/types@1.0.0" }, "1.1.0")]
    [InlineData(new[] { "saas:extensibility/types@1.10.0", "saas:extensibility/types@1.9.0" }, "1.10.0")]
    [InlineData(new[] { "wasi:cli/stdout@0.2.6", "saas:extensibility/point-extension@1.1.0-rc.1" }, "1.1.0-rc.1")]
    [InlineData(new[] { "acme:shop/pricing@2.0.0", "wasi:io/streams@0.2.6", "add" }, null)]
    [InlineData(new[] { "saas:extensibility-extra/thing@3.0.0", "saas:extensibility/logging", "saas:extensibility/logging@" }, null)]
    [InlineData(new string[0], null)]
    public void Of_ItemNames_IsTheHighestSaasExtensibilityVersionOrNull(string[] names, string? expected)
    {
        Assert.Equal(expected, ContractVersion.Of(names));
    }

    [Fact]
    public void Of_The10EventHandlerGuest_Is100()
    {
        Assert.Equal("1.0.0", ContractVersion.Of(Describe(Guests.Wat("event-handler"))));
    }

    [Fact]
    public void Of_The11MetadataEventHandlerGuest_Is110()
    {
        Assert.Equal("1.1.0", ContractVersion.Of(Describe(Guests.Wat("metadata-event-handler-1.1"))));
    }

    [Fact]
    public void Of_AComponentOfItsOwnWorld_IsNull()
    {
        Assert.Null(ContractVersion.Of(Describe(TestComponents.ApiExport)));
    }

    [Theory]
    [InlineData("1.1.0", "saas:extensibility@1.1.0")]
    [InlineData(null, null)]
    public void Display_Version_NamesThePackage(string? version, string? expected)
    {
        Assert.Equal(expected, ContractVersion.Display(version));
    }
}
