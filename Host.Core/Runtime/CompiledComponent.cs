using System.Collections.Immutable;
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
    internal CompiledComponent(string sha256, Component component, ImmutableArray<string> importNames)
    {
        Sha256 = sha256;
        Component = component;
        ImportNames = importNames;
        ImportsWasi = importNames.Any(WasiInterfaces.IsWasi);
    }

    /// <summary>SHA-256 of the component binary (lowercase hex).</summary>
    public string Sha256 { get; }

    /// <summary>The Wasmtime component.</summary>
    public Component Component { get; }

    /// <summary>The names of the component's imports, in declaration order.</summary>
    public ImmutableArray<string> ImportNames { get; }

    /// <summary>Whether it imports any WASI interface (and so needs a WASI context per call).</summary>
    public bool ImportsWasi { get; }

    /// <summary>Why a host capability will not serve this component, or <see langword="null"/>; set by the engine.</summary>
    public string? Refusal { get; internal set; }
}
