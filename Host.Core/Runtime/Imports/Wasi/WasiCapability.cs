using Wasmtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime.Imports.Wasi;

/// <summary>
/// WASI 0.2, deny by default: Wasmtime's implementation linked once, and per call an empty
/// context — no preopened directories, no environment, no arguments, empty standard input, no
/// network — whose standard output and error become lines of the call's guest log (output at
/// <c>info</c>, error at <c>error</c>), capped like the <c>logging</c> import. Clocks and random
/// are Wasmtime's. Which interfaces a component may import is the <see cref="WasiPolicy"/>.
/// </summary>
internal sealed class WasiCapability(WasiPolicy policy) : IHostCapability
{
    public void Link(ComponentLinker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        if (policy.Enabled)
        {
            linker.AddWasiPreview2();
        }
    }

    public string? Refuse(CompiledComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return component.ImportNames.Where(WasiInterfaces.IsWasi).Select(policy.Check).FirstOrDefault(problem => problem is not null)?.Message;
    }

    public void PrepareStore(Store store, CompiledComponent component, InvocationScope scope)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(scope);

        // Components without WASI imports (most hand-written and JS guests) pay nothing.
        if (!component.ImportsWasi)
        {
            return;
        }

        // Wasmtime calls these on its own thread while the calling thread waits, so they reach
        // the call through what they capture, not through InvocationScope.Current.
        var stdout = scope.OpenStream(GuestLogSource.Stdout, GuestLogLevel.Info);
        var stderr = scope.OpenStream(GuestLogSource.Stderr, GuestLogLevel.Error);
        store.SetWasiConfiguration(new WasiConfiguration()
            .WithStandardOutputCallback(stdout.Write)
            .WithStandardErrorCallback(stderr.Write));
    }
}
