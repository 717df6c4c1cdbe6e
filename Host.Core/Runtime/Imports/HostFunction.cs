using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime.Imports;

/// <summary>Wraps host import bodies so a fault is attributed to the host, not the guest.</summary>
public static class HostFunction
{
    /// <summary>Returns <paramref name="body"/>, recording an exception it throws as the running call's host fault.</summary>
    public static ComponentFunctionCallback Guard(ComponentFunctionCallback body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (arguments, results) =>
        {
            try
            {
                body(arguments, results);
            }
            catch (Exception exception)
            {
                // Wasmtime turns the exception into a wasm error that unwinds the guest; remember
                // the cause so the call is classified as host-error rather than a guest trap.
                InvocationScope.Current.RecordHostFault(exception);
                throw;
            }
        };
    }
}
