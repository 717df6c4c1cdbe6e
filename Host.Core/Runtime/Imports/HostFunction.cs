using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime.Imports;

/// <summary>Wraps host import bodies so a fault is attributed to the host, not the guest.</summary>
internal static class HostFunction
{
    public static ComponentFunctionCallback Guard(ComponentFunctionCallback body) =>
        (arguments, results) =>
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
