using System.Net;
using System.Net.Http.Headers;
using ExtensibilityHost.Sdk.Client;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ExtensibilityHostClient"/>.</summary>
public static class ExtensibilityHostClientServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="ExtensibilityHostClient"/> as a typed client (<c>IHttpClientFactory</c>) with the
    /// standard resilience handler: retries with backoff for transient network faults and gateway
    /// errors, <b>only for idempotent methods</b> (GET, PUT, DELETE — never a publish, invoke or
    /// upload), a circuit breaker and timeouts. Answers of the host itself (problem+json, such as a
    /// tenant's extension timing out or trapping) are never retried or counted as faults.
    /// </summary>
    /// <returns>The builder, to add handlers or configure the resilience pipeline further.</returns>
    public static IHttpClientBuilder AddExtensibilityHostClient(this IServiceCollection services, Action<ExtensibilityHostClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ExtensibilityHostClientOptions>()
            .Configure(configure)
            .Validate(o => o.BaseAddress is { IsAbsoluteUri: true }, "ExtensibilityHostClientOptions.BaseAddress must be an absolute URI, e.g. https://extensions.example.com.")
            .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "ExtensibilityHostClientOptions.ApiKey is required: a tenant or admin API key of the host.")
            .ValidateOnStart();

        var builder = services.AddHttpClient<ExtensibilityHostClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<ExtensibilityHostClientOptions>>().Value;
            http.BaseAddress = options.BaseAddress;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);

            // The resilience handler owns the timeouts.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.AddStandardResilienceHandler()
            .Configure((resilience, provider) =>
            {
                var options = provider.GetRequiredService<IOptions<ExtensibilityHostClientOptions>>().Value;
                resilience.TotalRequestTimeout.Timeout = options.RequestTimeout;
                resilience.AttemptTimeout.Timeout = options.RequestTimeout;
                resilience.CircuitBreaker.SamplingDuration = options.RequestTimeout * 2;
                resilience.Retry.ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome));

                // After ShouldHandle: it wraps the predicate it finds (setting ShouldHandle later would drop it).
                resilience.Retry.DisableForUnsafeHttpMethods();
                resilience.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome));
            });
        return builder;
    }

    /// <summary>
    /// A fault of the path to the host — a network error, a timeout, or a gateway/overload status
    /// that did not come from the host as a problem document — as opposed to the host's answer.
    /// </summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException;
        }

        return outcome.Result is { } response
            && response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
            && response.Content.Headers.ContentType?.MediaType != "application/problem+json";
    }
}
