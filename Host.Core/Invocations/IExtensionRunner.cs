namespace ExtensibilityHost.Core.Invocations;

/// <summary>
/// Runs tenant code: resolves the component's active version, loads it compiled (memory, disk
/// artifact, or blob + compile), applies kill switches and the tenant's concurrency limit, runs
/// one sandboxed call off the request thread, records the invocation and feeds the circuit breaker.
/// The single path by which events, extension points and typed calls reach tenant code.
/// </summary>
public interface IExtensionRunner
{
    /// <summary>
    /// Runs the request: <see cref="ExtensionCallStatus.Ok"/> or <see cref="ExtensionCallStatus.Failed"/>
    /// with the sandbox's <see cref="ExtensionCallResult.Invocation"/> when tenant code ran, a refusal
    /// status (not found, disabled, no active version, concurrency limit) when it did not.
    /// </summary>
    Task<ExtensionCallResult> RunAsync(ExtensionRunRequest request, CancellationToken cancellationToken = default);
}
