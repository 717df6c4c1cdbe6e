using System.Text.Json;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>
/// Typed calls of any export of a tenant's component, with JSON arguments and result converted by
/// the function's own WIT types (<c>docs/json-mapping.md</c>). Runs through <see cref="IExtensionRunner"/>:
/// kill switches, concurrency limit (a tenant at its limit is refused, not queued), invocation log, circuit breaker.
/// </summary>
public interface IComponentInvoker
{
    /// <summary>Calls <paramref name="target"/> of the component's active version.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="componentName">The component.</param>
    /// <param name="target">The export: a function of an exported interface (e.g. <c>acme:shop/pricing@1.0.0#discount</c>), or at the component root.</param>
    /// <param name="arguments">A JSON array with one value per parameter.</param>
    /// <param name="cancellationToken">Cancels before the call starts; a started call ends at its deadline.</param>
    /// <returns>
    /// The result, with the whole return value as JSON in <see cref="ExtensionCallResult.Output"/>
    /// (a <c>result</c> as <c>{"ok": …}</c>); invalid arguments, missing exports and failed calls
    /// are statuses, not exceptions.
    /// </returns>
    Task<ExtensionCallResult> InvokeExportAsync(
        string tenantId, string componentName, InvocationTarget target, JsonElement arguments, CancellationToken cancellationToken = default);
}
