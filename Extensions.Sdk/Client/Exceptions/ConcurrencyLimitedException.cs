namespace ExtensibilityHost.Sdk.Client;

/// <summary>The tenant is running as many calls as it may (<c>concurrency-limited</c>, 429): retry after <see cref="RetryAfter"/>.</summary>
public sealed class ConcurrencyLimitedException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem)
{
    /// <summary>When to retry (the host's <c>Retry-After</c>).</summary>
    public TimeSpan RetryAfter => Problem.RetryAfter ?? TimeSpan.FromSeconds(1);
}
