using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// A component compiled for one <see cref="SandboxEngine"/>, ready to instantiate. Immutable
/// and shareable across threads; every call gets its own store and instance.
/// </summary>
/// <remarks>
/// Not disposed when evicted from the cache: a call may still be using it, and the native
/// handle is released by its safe handle once nothing references it.
/// </remarks>
public sealed class CompiledComponent
{
    internal CompiledComponent(string sha256, Component component)
    {
        Sha256 = sha256;
        Component = component;
    }

    /// <summary>SHA-256 of the component binary (lowercase hex).</summary>
    public string Sha256 { get; }

    /// <summary>The Wasmtime component.</summary>
    public Component Component { get; }
}
