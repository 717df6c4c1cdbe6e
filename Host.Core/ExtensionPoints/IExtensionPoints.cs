using System.Text.Json;

namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>
/// Application code's way into tenant code at a named hook: runs the component the tenant bound to
/// the point, with the point's limits and failure policy. Requests are refused, not queued, when the
/// tenant is at its concurrency limit.
/// </summary>
public interface IExtensionPoints
{
    /// <summary>Runs the tenant's extension of <paramref name="point"/> with JSON input.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="point">The point's name, e.g. <c>pricing.discount</c>.</param>
    /// <param name="input">
    /// Typed points: the function's argument when it takes exactly one (the JSON array of its arguments
    /// otherwise), converted by the component's own WIT types. Generic points: any JSON, passed as text.
    /// </param>
    /// <param name="cancellationToken">Cancels before the call starts; a started call ends at its deadline.</param>
    /// <returns>
    /// The result. Failures are statuses, not exceptions; a fail-open point answers with its default on
    /// any failure except invalid input (a bug of the caller, which a default would hide).
    /// </returns>
    Task<ExtensionPointResult> InvokeAsync(string tenantId, string point, JsonElement input, CancellationToken cancellationToken = default);

    /// <summary>Runs the tenant's extension of <paramref name="point"/>, with input and output (de)serialized by System.Text.Json.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="point">The point's name.</param>
    /// <param name="input">The input.</param>
    /// <param name="serializerOptions">
    /// How to (de)serialize; by default the web defaults with kebab-case property names, as WIT names
    /// fields (<c>UnitPriceCents</c> ⇄ <c>unit-price-cents</c>).
    /// </param>
    /// <param name="cancellationToken">Cancels before the call starts.</param>
    /// <returns>
    /// The result; output the tenant's code returned that does not deserialize into <typeparamref name="TOutput"/>
    /// is <see cref="Invocations.ExtensionCallStatus.InvalidOutput"/>, under the point's failure policy.
    /// </returns>
    /// <exception cref="JsonException">The point's configured default does not deserialize into <typeparamref name="TOutput"/>.</exception>
    Task<ExtensionPointResult<TOutput>> InvokeAsync<TInput, TOutput>(
        string tenantId, string point, TInput input, JsonSerializerOptions? serializerOptions = null, CancellationToken cancellationToken = default);
}
