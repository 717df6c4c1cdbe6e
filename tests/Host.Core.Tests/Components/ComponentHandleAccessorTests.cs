using ExtensibilityHost.Core.Components;

namespace ExtensibilityHost.Core.Tests.Components;

public sealed class ComponentHandleAccessorTests(WasmtimeEngineFixture fixture) : IClassFixture<WasmtimeEngineFixture>
{
    [Fact]
    public void LoadedWasmtimeVersion_IsTheVerifiedVersion()
    {
        // Fails on a Wasmtime upgrade on purpose: re-verify the reflection and the native layouts, then bump the pin.
        Assert.StartsWith(ComponentHandleAccessor.VerifiedWasmtimeVersion, ComponentHandleAccessor.LoadedWasmtimeVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHandle_CompiledComponent_ReturnsLiveNativeHandle()
    {
        using var component = Component.FromText(fixture.Engine, TestComponents.ApiExport);

        var handle = ComponentHandleAccessor.GetHandle(component);

        Assert.False(handle.IsInvalid);
    }

    [Fact]
    public void GetHandle_Engine_ReturnsLiveNativeHandle()
    {
        var handle = ComponentHandleAccessor.GetHandle(fixture.Engine);

        Assert.False(handle.IsInvalid);
    }

    [Fact]
    public void GetHandle_DisposedComponent_ThrowsObjectDisposed()
    {
        var component = Component.FromText(fixture.Engine, TestComponents.ApiExport);
        component.Dispose();

        Assert.Throws<ObjectDisposedException>(() => ComponentHandleAccessor.GetHandle(component));
    }
}
