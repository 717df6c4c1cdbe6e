using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>
/// Writes an invocation to the log and feeds the circuit breaker, in one short transaction of its
/// own (a fresh scope and context), so a caller's unit of work or transaction is never involved
/// and a rollback there cannot lose the record of code that did run.
/// </summary>
internal sealed partial class InvocationRecorder(IServiceScopeFactory scopes, CircuitBreaker breaker, ILogger<InvocationRecorder> logger)
{
    public async Task RecordAsync(InvocationRecord record, bool failed, int knownFailures, CancellationToken cancellationToken)
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
