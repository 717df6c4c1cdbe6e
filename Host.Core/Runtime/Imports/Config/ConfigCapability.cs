using Wasmtime.Components;
using V1_0 = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_0_0.Config;
using V1_1 = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.Config;

namespace ExtensibilityHost.Core.Runtime.Imports.Config;

/// <summary>
/// <c>saas:extensibility/config</c>, every version the host serves, through the generated
/// bindings: read-only settings of the running tenant and component.
/// </summary>
internal sealed class ConfigCapability(IConfigSource source) : IHostCapability, V1_0.IConfig, V1_1.IConfig
{
    public void Link(ComponentLinker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        V1_0.ConfigImport.Link(linker, () => this, HostFunction.Guard);
        V1_1.ConfigImport.Link(linker, () => this, HostFunction.Guard);
    }

    /// <summary><c>get</c> of either version: the setting of the running call's tenant and component.</summary>
    public string? Get(string key)
    {
        var context = InvocationScope.Current.Context;
        return source.Get(context.TenantId, context.ComponentName, key);
    }
}
