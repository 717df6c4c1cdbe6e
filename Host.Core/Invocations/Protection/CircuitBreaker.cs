using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Persistence.Configurations;
using ExtensibilityHost.Core.Reviews;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Invocations.Protection;

/// <summary>
/// Suspends a version whose invocations fail <see cref="InvocationOptions.FailuresBeforeSuspension"/>
/// times in a row. The count lives in the database (<see cref="ComponentVersion.ConsecutiveFailures"/>),
/// so every host node feeds the same breaker.
/// </summary>
/// <remarks>
/// Every outcome other than <c>ok</c> counts (<c>guest-error</c> too, unless
/// <see cref="InvocationOptions.GuestErrorsCountAsFailures"/> is off); one <c>ok</c> resets the count.
/// The increment is a single <c>UPDATE … SET ConsecutiveFailures = ConsecutiveFailures + 1</c>, so
/// concurrent failures are never lost, and the suspension is conditional on <c>Status = 'Active'</c>,
/// so when several failures cross the threshold at once exactly one of them suspends the version
/// and writes the audit row.
/// </remarks>
internal sealed class CircuitBreaker(IOptions<InvocationOptions> options, TimeProvider time)
{
    /// <summary>The actor recorded on automatic suspensions.</summary>
    public const string SystemActor = "system";

    public bool CountsAsFailure(InvocationOutcome outcome) => outcome switch
    {
        InvocationOutcome.Ok => false,
        InvocationOutcome.GuestError => options.Value.GuestErrorsCountAsFailures,
        _ => true,
    };

    /// <summary>A success of each version: its failures in a row go back to 0, inside the caller's transaction on <paramref name="db"/>.</summary>
    public static Task ResetAsync(HostDbContext db, IReadOnlyCollection<Guid> versionIds, CancellationToken cancellationToken) =>
        db.Versions
            .Where(v => versionIds.Contains(v.Id) && v.ConsecutiveFailures != 0)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ConsecutiveFailures, 0), cancellationToken);

    /// <summary>
    /// Counts one failure of <paramref name="record"/>'s version, inside the caller's transaction on
    /// <paramref name="db"/>, and suspends the version when the count reaches the threshold.
    /// </summary>
    /// <returns>Whether this failure suspended the version.</returns>
    public async Task<bool> RecordFailureAsync(HostDbContext db, InvocationRecord record, CancellationToken cancellationToken)
    {
        if (record.VersionId is not { } versionId)
        {
            return false;
        }

        await db.Versions
            .Where(v => v.Id == versionId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ConsecutiveFailures, v => v.ConsecutiveFailures + 1), cancellationToken);

        var threshold = options.Value.FailuresBeforeSuspension;
        var now = time.GetUtcNow().UtcDateTime;
        var reason = Reason(threshold, record);
        var stamp = Guid.NewGuid();
        var suspended = await db.Versions
            .Where(v => v.Id == versionId && v.Status == VersionStatus.Active && v.ConsecutiveFailures >= threshold)
            .ExecuteUpdateAsync(
                s => s
                    .SetProperty(v => v.Status, VersionStatus.Suspended)
                    .SetProperty(v => v.StatusReason, reason)
                    .SetProperty(v => v.StatusChangedAt, now)
                    .SetProperty(v => v.ConcurrencyStamp, stamp),
                cancellationToken);
        if (suspended == 0)
        {
            return false;
        }

        db.Reviews.Add(new Review
        {
            Id = Guid.CreateVersion7(),
            TenantId = record.TenantId,
            VersionId = versionId,
            Decision = ReviewDecision.Suspended,
            Reason = reason,
            Actor = SystemActor,
            At = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static string Reason(int threshold, InvocationRecord record)
    {
        var last = record.Error is null ? record.Outcome : $"{record.Outcome}: {record.Error}";
        return Lengths.Fit($"Suspended automatically after {threshold} failed invocations in a row; the last was {last}", Lengths.Reason);
    }
}
