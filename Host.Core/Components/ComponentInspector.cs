using Wasmtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// Describes a compiled component's imports and exports (instances with their functions and
/// signatures) using Wasmtime's component type API on the already compiled component.
/// </summary>
/// <param name="engine">The engine that compiled (or deserialized) the components to inspect.</param>
/// <remarks>
/// Inspection reads type information only: it neither compiles nor instantiates, so it is cheap
/// next to compilation and safe to run on a component that has not been approved yet.
/// </remarks>
public sealed class ComponentInspector(Engine engine)
{
    private readonly Engine engine = engine ?? throw new ArgumentNullException(nameof(engine));

    /// <summary>Describes the imports and exports of a component.</summary>
    /// <param name="component">A component compiled by this inspector's engine.</param>
    /// <returns>The description.</returns>
    /// <exception cref="InvalidOperationException">
    /// The loaded Wasmtime binding is not the verified version and its internals changed.
    /// </exception>
    /// <exception cref="ObjectDisposedException">The component or the engine was disposed.</exception>
    public ComponentDescription Inspect(Component component) =>
        Read(component, static (reader, handle) => reader.ReadComponent(handle));

    /// <summary>The names of a component's imports, in the order it declares them (cheaper than <see cref="Inspect"/>).</summary>
    /// <param name="component">A component compiled by this inspector's engine.</param>
    /// <returns>The import names.</returns>
    public System.Collections.Immutable.ImmutableArray<string> ImportNames(Component component) =>
        Read(component, static (reader, handle) => reader.ReadImportNames(handle));

    private T Read<T>(Component component, Func<ComponentTypeReader, IntPtr, T> read)
    {
        ArgumentNullException.ThrowIfNull(component);
        var componentHandle = ComponentHandleAccessor.GetHandle(component);
        var engineHandle = ComponentHandleAccessor.GetHandle(engine);
        var componentAdded = false;
        var engineAdded = false;
        try
        {
            // Keep both native objects alive even if another thread disposes the managed wrappers meanwhile.
            componentHandle.DangerousAddRef(ref componentAdded);
            engineHandle.DangerousAddRef(ref engineAdded);
            return read(new ComponentTypeReader(engineHandle.DangerousGetHandle()), componentHandle.DangerousGetHandle());
        }
        finally
        {
            if (engineAdded)
            {
                engineHandle.DangerousRelease();
            }

            if (componentAdded)
            {
                componentHandle.DangerousRelease();
            }
        }
    }
}
