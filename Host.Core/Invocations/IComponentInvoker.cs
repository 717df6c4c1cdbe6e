using System.Text.Json;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>
/// Typed calls of any export of a tenant's component, with JSON arguments and result converted by
/// the function's own WIT types (<c>docs/json-mapping.md</c>). Runs through <see cref="IExtensionRunner"/>:
/// kill switches, concurrency limit (a tenant at its limit is refused, not queued), invocation log, circuit breaker.
/// </summary>
public interface IComponentInvoker
{
    /// <summary>Calls <paramref name="function"/> of the component's active version.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="componentName">The component.</param>
    /// <param name="interfaceName">The exported interface (e.g. <c>acme:shop/pricing@1.0.0</c>), or <see langword="null"/> for a function exported at the component root.</param>
    /// <param name="function">The function name.</param>
    /// <param name="arguments">A JSON array with one value per parameter.</param>
    /// <param name="cancellationToken">Cancels before the call starts; a started call ends at its deadline.</param>
    /// <returns>The result; invalid arguments, missing exports and failed calls are statuses, not exceptions.</returns>
    Task<ExportCallResult> InvokeExportAsync(
        string tenantId, string componentName, string? interfaceName, string function, JsonElement arguments, CancellationToken cancellationToken = default);
}
