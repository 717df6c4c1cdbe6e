using Wasmtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime.Imports;

/// <summary>
/// One host capability, in the manner of Spin's host "factors": a WIT interface (or a family of
/// them, like WASI) that the host implements for components, self-contained in its own folder
/// under <c>Runtime/Imports/</c> with its options and its registration
/// (<c>services.Add…Capability()</c>). The engine links every registered capability once.
/// </summary>
/// <remarks>
/// Per-call state is reached from host functions through <see cref="InvocationScope.Current"/>.
/// Wrap host function bodies in <see cref="HostFunction.Guard"/> so an exception is reported as
/// the host's fault (<c>host-error</c>), not the guest's. A failure the guest should handle is a
/// WIT <c>err</c> value, never an exception.
/// </remarks>
public interface IHostCapability
{
    /// <summary>Defines the capability's interfaces and functions in the engine's linker. Called once per engine.</summary>
    void Link(ComponentLinker linker);

    /// <summary>
    /// A rewrite of a component binary to compile instead of it (how the capability's imports are
    /// lowered, say), or <see langword="null"/> to leave it. Asked before every compilation; the
    /// component keeps the original's hash, and a rewrite that does not compile is dropped.
    /// </summary>
    byte[]? Adapt(ReadOnlySpan<byte> component) => null;

    /// <summary>
    /// Why this capability will not serve <paramref name="component"/> (e.g. it imports a WASI
    /// interface the deployment no longer allows), or <see langword="null"/>. Asked once per
    /// compiled component; a refused component's calls fail as <c>host-error</c> without running.
    /// </summary>
    string? Refuse(CompiledComponent component) => null;

    /// <summary>Prepares the fresh store of one call of <paramref name="component"/>, before it is instantiated.</summary>
    void PrepareStore(Store store, CompiledComponent component, InvocationScope scope)
    {
    }
}
