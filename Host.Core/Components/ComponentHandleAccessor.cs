using System.Reflection;
using System.Runtime.InteropServices;
using Wasmtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// The one place that reaches the native handles the managed Wasmtime binding keeps non-public,
/// so the component type API can run on the very component the runtime compiled (compiling a
/// second time only for inspection costs up to ~20 s for a large guest).
/// </summary>
/// <remarks>
/// Pinned to Wasmtime <see cref="VerifiedWasmtimeVersion"/>: both <see cref="Component"/> and
/// <see cref="Engine"/> expose a non-public <c>NativeHandle</c> property returning a
/// <see cref="SafeHandle"/>. When an upgrade renames or removes it, every call fails with an
/// exception naming the verified version; the P/Invoke layouts in
/// <see cref="ComponentTypeReader"/> must be re-verified at the same time.
/// </remarks>
internal static class ComponentHandleAccessor
{
    public const string VerifiedWasmtimeVersion = "50.0.1";

    private const string HandlePropertyName = "NativeHandle";

    private static readonly PropertyInfo? ComponentHandleProperty = FindHandleProperty(typeof(Component));

    private static readonly PropertyInfo? EngineHandleProperty = FindHandleProperty(typeof(Engine));

    /// <summary>The Wasmtime.Dotnet version loaded in this process, as its package reports it.</summary>
    public static string LoadedWasmtimeVersion { get; } =
        typeof(Component).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Component).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>Gets the <c>wasmtime_component_t*</c> handle of a compiled component.</summary>
    public static SafeHandle GetHandle(Component component) => Read(ComponentHandleProperty, typeof(Component), component);

    /// <summary>Gets the <c>wasm_engine_t*</c> handle of an engine.</summary>
    public static SafeHandle GetHandle(Engine engine) => Read(EngineHandleProperty, typeof(Engine), engine);

    private static PropertyInfo? FindHandleProperty(Type owner)
    {
        var property = owner.GetProperty(HandlePropertyName, BindingFlags.Instance | BindingFlags.NonPublic);
        return property is not null && typeof(SafeHandle).IsAssignableFrom(property.PropertyType) ? property : null;
    }

    private static SafeHandle Read(PropertyInfo? property, Type owner, object instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        if (property is null)
        {
            throw new InvalidOperationException(
                $"Cannot reach the native handle of {owner.FullName}: its non-public SafeHandle property " +
                $"'{HandlePropertyName}' does not exist in the loaded Wasmtime.Dotnet {LoadedWasmtimeVersion}. " +
                $"ExtensibilityHost reads it by reflection and was verified against Wasmtime {VerifiedWasmtimeVersion} only; " +
                "re-verify ComponentHandleAccessor and the component type P/Invoke layouts before upgrading.");
        }

        // The getter itself throws ObjectDisposedException for a disposed wrapper; keep that exception as is.
        var handle = (SafeHandle?)property.GetMethod!.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, parameters: null, culture: null);
        ObjectDisposedException.ThrowIf(handle is null || handle.IsInvalid || handle.IsClosed, instance);
        return handle;
    }
}
