using Wasmtime;

namespace ExtensibilityHost.Core.Tests.Components;

/// <summary>One component-model engine shared by a test class; the type API needs the compiling engine.</summary>
public sealed class WasmtimeEngineFixture : IDisposable
{
    public Engine Engine { get; } = new(new Config().WithComponentModel(true));

    public void Dispose() => Engine.Dispose();
}
