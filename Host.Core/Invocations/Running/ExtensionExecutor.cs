using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations.Running;

/// <summary>
/// Runs one call of a prepared extension: in a fresh sandbox on an execution slot, then counted
/// in the metrics and written to the invocation log, which feeds the circuit breaker.
/// </summary>
internal sealed class ExtensionExecutor(
    ComponentSandbox sandbox, GuestCallScheduler scheduler, InvocationLogWriter log, InvocationMetrics metrics, TimeProvider time)
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

        // A guest call is a synchronous native call that holds its thread for up to its timeout: it
        // runs on an execution slot (a dedicated thread, never the thread pool), so neither the
        // caller's thread nor the request pipeline is ever blocked by tenant code, and no tenant
        // holds more than its share of the slots. Cancellation only stops a call that has not
        // started; a started one ends at its deadline.
        var invocation = await scheduler.RunAsync(
            extension.TenantId, () => sandbox.Invoke(extension.Component, request.Target, request.Arguments, context, request.Limits), cancellationToken);

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
