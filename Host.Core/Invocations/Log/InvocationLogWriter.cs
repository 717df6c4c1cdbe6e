using ExtensibilityHost.Core.Invocations.Json;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Invocations.Running;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>
/// Writes an invocation to the log and feeds the circuit breaker, in one short transaction of its
/// own (a fresh scope and context), so a caller's unit of work or transaction is never involved
/// and a rollback there cannot lose the record of code that did run.
/// </summary>
internal sealed partial class InvocationLogWriter(
    IServiceScopeFactory scopes, CircuitBreaker breaker, ComponentDescriptions descriptions, InvocationCapture capture, ILogger<InvocationLogWriter> logger)
{
    /// <summary>
    /// Writes the invocation's row (with its input and output, captured as configured) and feeds
    /// the circuit breaker, which may suspend the version in the same transaction.
    /// </summary>
    public async Task WriteAsync(
        Guid id, PreparedExtension extension, ExtensionRunRequest request, InvocationResult invocation, DateTime startedAt, CancellationToken cancellationToken)
    {
        var signature = descriptions.SignatureOf(extension.Component, request.Target);
        var record = InvocationRecordFactory.Create(
            id, extension, request, invocation, startedAt,
            capture.Input(request.Target, request.Arguments, signature), capture.Output(invocation.Output, signature));
        await WriteAsync(record, breaker.CountsAsFailure(invocation.Outcome), extension.Version.ConsecutiveFailures, cancellationToken);
    }

    private async Task WriteAsync(InvocationRecord record, bool failed, int knownFailures, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();

        // The common case, a success of a version with no failures behind it, has nothing for the
        // breaker to reset: one insert, no explicit transaction. (A failure racing in between is
        // counted from one more than it would be; "in a row" is approximate under concurrency anyway.)
        if (!failed && knownFailures == 0)
        {
            db.Invocations.Add(record);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        // SQL Server is registered with a retrying execution strategy, which only accepts
        // transactions run as one retriable unit.
        var suspended = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Record: record, Failed: failed, Breaker: breaker),
            static async (_, state, ct) =>
            {
                state.Db.ChangeTracker.Clear();
                await using var transaction = await state.Db.Database.BeginTransactionAsync(ct);
                state.Db.Invocations.Add(state.Record);
                await state.Db.SaveChangesAsync(ct);
                var suspended = await state.Breaker.RecordAsync(state.Db, state.Record, state.Failed, ct);
                await transaction.CommitAsync(ct);
                return suspended;
            },
            verifySucceeded: null,
            cancellationToken);

        if (suspended)
        {
            LogSuspended(record.TenantId, record.ComponentName, record.VersionNumber, record.Outcome);
        }
    }
}
