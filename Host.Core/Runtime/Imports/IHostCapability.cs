using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime.Imports;

/// <summary>
/// One host capability (a WIT interface the host implements), linked once per engine.
/// Per-call state comes from <see cref="InvocationScope.Current"/>.
/// </summary>
internal interface IHostCapability
{
    /// <summary>Defines the capability's instance and functions under the linker root.</summary>
    void Define(ComponentLinkerInstance root);
}
