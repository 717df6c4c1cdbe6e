using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime.Imports.Config;

/// <summary><c>saas:extensibility/config</c>: read-only settings of the running tenant and component.</summary>
internal sealed class ConfigCapability(IConfigSource source) : IHostCapability
{
    public void Link(ComponentLinker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        using var root = linker.Root();
        foreach (var name in HostInterfaces.AllVersions("config"))
        {
            using var config = root.AddInstance(name);
            Define(config);
        }
    }

    private void Define(ComponentLinkerInstance config)
    {
        config.DefineFunction("get", HostFunction.Guard((arguments, results) =>
        {
            var context = InvocationScope.Current.Context;
            var value = source.Get(context.TenantId, context.ComponentName, arguments[0].AsString());
            results[0] = value is null ? ComponentValue.None() : ComponentValue.Some(ComponentValue.String(value));
        }));
    }
}
