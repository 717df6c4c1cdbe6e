using System.Collections.Immutable;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// A component compiled for one <see cref="SandboxEngine"/>, ready to instantiate, with what the
/// runtime needs to know of its imports. Immutable and shareable across threads; every call gets
/// its own store and instance.
/// </summary>
/// <remarks>
/// Not disposed when evicted from the cache: a call may still be using it, and the native
/// handle is released by its safe handle once nothing references it.
/// </remarks>
public sealed class CompiledComponent
{
    internal CompiledComponent(string sha256, Component component, ImmutableArray<string> importNames, Func<Component, ComponentDescription> describe)
    {
        Sha256 = sha256;
        Component = component;
        ImportNames = importNames;
        ImportsWasi = importNames.Any(WasiInterfaces.IsWasi);
        CompiledTypes = new Lazy<ComponentDescription>(() => describe(component));
    }

    /// <summary>SHA-256 of the component binary (lowercase hex).</summary>
    public string Sha256 { get; }

    /// <summary>The Wasmtime component.</summary>
    public Component Component { get; }

    /// <summary>The names of the component's imports, in declaration order.</summary>
    public ImmutableArray<string> ImportNames { get; }

    /// <summary>Whether it imports any WASI interface (and so needs a WASI context per call).</summary>
    public bool ImportsWasi { get; }

    /// <summary>
    /// Imports and exports as Wasmtime compiled them, read on first use: a capability's
    /// <see cref="Imports.IHostCapability.Adapt"/> may have changed how an import is typed.
    /// </summary>
    internal Lazy<ComponentDescription> CompiledTypes { get; }

    /// <summary>
    /// Core memories the host's own adapters inside the compiled binary use (one when
    /// <see cref="Imports.KeyValue.KeyValueSetLowering"/> wrapped it), allowed on top of the call's limit.
    /// </summary>
    internal int AddedMemories { get; set; }

    /// <summary>Why a host capability will not serve this component, or <see langword="null"/>; set by the engine.</summary>
    public string? Refusal { get; internal set; }
}
