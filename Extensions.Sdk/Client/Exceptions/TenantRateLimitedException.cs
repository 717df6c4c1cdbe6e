namespace ExtensibilityHost.Sdk.Client;

/// <summary>The tenant's request rate is over its limit (<c>rate-limited</c>, 429): retry after <see cref="RetryAfter"/>.</summary>
public sealed class TenantRateLimitedException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem)
{
    /// <summary>When to retry (the host's <c>Retry-After</c>; one second when it sent none).</summary>
    public TimeSpan RetryAfter => Problem.RetryAfter ?? TimeSpan.FromSeconds(1);
}
