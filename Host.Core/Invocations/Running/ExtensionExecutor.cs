using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations.Running;

/// <summary>
/// Runs one call of a prepared extension: in a fresh sandbox off the caller's thread, then counted
/// in the metrics and written to the invocation log, which feeds the circuit breaker.
/// </summary>
internal sealed class ExtensionExecutor(
    ComponentSandbox sandbox, InvocationLogWriter log, InvocationMetrics metrics, TimeProvider time)
{
    public async Task<ExtensionCallResult> ExecuteAsync(PreparedExtension extension, ExtensionRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentNullException.ThrowIfNull(request);

        var id = Guid.CreateVersion7();
        var context = new InvocationContext
        {
            TenantId = extension.TenantId,
            ComponentName = extension.ComponentName,
            Version = extension.Version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            InvocationId = id.ToString("N"),
        };
        var startedAt = time.GetUtcNow().UtcDateTime;

        // The export of the contract version the component implements, with the arguments it
        // declares; the log records the call as it was made.
        var (target, arguments) = ContractResolution.Resolve(extension.Component, request.Target, request.Arguments);
        request = request with { Target = target, Arguments = arguments };

        // A guest call is a synchronous native call that holds its thread for up to its timeout:
        // it runs on the thread pool so the caller's thread (a request, a dispatcher loop) is never
        // blocked — and callers that start several calls at once get them in parallel — and the
        // tenant's slot bounds how many pool threads one tenant can hold. Cancellation only stops
        // a call that has not started; a started one ends at its deadline.
        var invocation = await Task.Run(
            () => sandbox.Invoke(extension.Component, request.Target, request.Arguments, context, request.Limits), cancellationToken);

        metrics.Record(invocation);

        // The code ran: record it even if the caller has given up meanwhile.
        await log.WriteAsync(id, extension, request, invocation, startedAt, CancellationToken.None);

        return ExtensionCallResult.Of(invocation) with
        {
            InvocationId = id,
            VersionId = extension.Version.Id,
            VersionNumber = extension.Version.Number,
        };
    }
}
