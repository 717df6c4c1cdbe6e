using ExtensibilityHost.Core.Caching;
using System.Data.Common;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Versions;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Reviews;

/// <summary>
/// Review decisions on component versions: approve (pending → active, the previous active →
/// superseded), reject (pending → rejected, with a reason) and roll back (superseded → active, the
/// current active → superseded). Each decision is one transaction that also writes its audit row.
/// </summary>
/// <remarks>
/// Two decisions racing on one version have exactly one winner. The first statement of each
/// transaction claims the version with a conditional update on its status and
/// <see cref="ComponentVersion.ConcurrencyStamp"/>; the loser's claim matches no row and it reports a
/// conflict. SQLite serialises writers (the transaction begins <c>IMMEDIATE</c> and waits for the
/// other within the connection's busy timeout), so the loser sees the winner's commit rather than
/// "database is locked". Two approvals of different versions of one component are decided by the
/// filtered unique index "one active version per component".
/// </remarks>
public sealed partial class ReviewService(HostDbContext db, HostChanges changes, TimeProvider time, ILogger<ReviewService> logger)
{
    /// <summary>Approves a pending version: it becomes active and the component's active version (if any) superseded.</summary>
    /// <param name="versionId">The version.</param>
    /// <param name="actor">Who decides, for the audit.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    /// <param name="reason">Why, for the audit (the portal requires one; the API accepts one).</param>
    public Task<ReviewResult> ApproveAsync(Guid versionId, string actor, CancellationToken cancellationToken, string? reason = null) =>
        DecideAsync(versionId, ReviewDecision.Approved, reason, actor, cancellationToken);

    /// <summary>Rejects a pending version with a reason shown to the tenant.</summary>
    public Task<ReviewResult> RejectAsync(Guid versionId, string reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return DecideAsync(versionId, ReviewDecision.Rejected, reason, actor, cancellationToken);
    }

    /// <summary>Makes a superseded version active again; the component's active version becomes superseded.</summary>
    /// <param name="versionId">The version.</param>
    /// <param name="actor">Who decides, for the audit.</param>
    /// <param name="cancellationToken">Cancels the decision.</param>
    /// <param name="reason">Why, for the audit (the portal requires one; the API accepts one).</param>
    public Task<ReviewResult> RollbackAsync(Guid versionId, string actor, CancellationToken cancellationToken, string? reason = null) =>
        DecideAsync(versionId, ReviewDecision.RolledBack, reason, actor, cancellationToken);

    /// <summary>The decisions about a version, oldest first; null when there is no such version.</summary>
    public async Task<List<Review>?> HistoryAsync(Guid versionId, CancellationToken cancellationToken)
    {
        if (!await db.Versions.AnyAsync(v => v.Id == versionId, cancellationToken))
        {
            return null;
        }

        return await db.Reviews.AsNoTracking()
            .Where(r => r.VersionId == versionId)
            .OrderBy(r => r.At)
            .ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    private Task<ReviewResult> DecideAsync(Guid versionId, ReviewDecision decision, string? reason, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var (from, to) = decision switch
        {
            ReviewDecision.Approved => (VersionStatus.Pending, VersionStatus.Active),
            ReviewDecision.Rejected => (VersionStatus.Pending, VersionStatus.Rejected),
            ReviewDecision.RolledBack => (VersionStatus.Superseded, VersionStatus.Active),
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a review decision."),
        };

        // SQL Server's retrying strategy only allows a user transaction inside ExecuteAsync.
        return db.Database.CreateExecutionStrategy().ExecuteAsync(
            token => DecideOnceAsync(versionId, decision, from, to, reason, actor, token),
            cancellationToken);
    }

    private async Task<ReviewResult> DecideOnceAsync(
        Guid versionId, ReviewDecision decision, VersionStatus from, VersionStatus to, string? reason, string actor, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (current is null)
        {
            return ReviewResult.NotFound;
        }

        if (current.Status != from)
        {
            return Conflict(current, decision);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var claim = Guid.NewGuid();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            try
            {
                var claimed = await db.Versions
                    .Where(v => v.Id == versionId && v.Status == from && v.ConcurrencyStamp == current.ConcurrencyStamp)
                    .ExecuteUpdateAsync(set => set.SetProperty(v => v.ConcurrencyStamp, claim), cancellationToken);
                if (claimed == 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return await ConflictAfterRaceAsync(versionId, decision, cancellationToken);
                }

                if (to == VersionStatus.Active)
                {
                    var superseded = Guid.NewGuid();
                    await db.Versions
                        .Where(v => v.ComponentId == current.ComponentId && v.Status == VersionStatus.Active)
                        .ExecuteUpdateAsync(
                            set => set
                                .SetProperty(v => v.Status, VersionStatus.Superseded)
                                .SetProperty(v => v.StatusReason, (string?)null)
                                .SetProperty(v => v.StatusChangedAt, now)
                                .SetProperty(v => v.ConcurrencyStamp, superseded),
                            cancellationToken);
                }

                // The version's status reason is the tenant's answer to "why is it not running"; an
                // approval's or roll-back's reason belongs to the audit row only.
                var statusReason = to == VersionStatus.Active ? null : reason;
                await db.Versions
                    .Where(v => v.Id == versionId && v.ConcurrencyStamp == claim)
                    .ExecuteUpdateAsync(
                        set => set
                            .SetProperty(v => v.Status, to)
                            .SetProperty(v => v.StatusReason, statusReason)
                            .SetProperty(v => v.StatusChangedAt, now),
                        cancellationToken);
                db.Reviews.Add(new Review
                {
                    Id = Guid.CreateVersion7(),
                    TenantId = current.TenantId,
                    VersionId = versionId,
                    Decision = decision,
                    Reason = reason,
                    Actor = actor,
                    At = now,
                });
                await db.SaveChangesAsync(cancellationToken);
                await changes.StampAsync(db, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                changes.Invalidate();
            }
            catch (Exception exception) when (IsUniqueViolation(exception))
            {
                // Another version of the component became active in a concurrent transaction.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return await ConflictAfterRaceAsync(versionId, decision, cancellationToken);
            }
        }

        db.ChangeTracker.Clear();
        var decided = await db.Versions.AsNoTracking().FirstAsync(v => v.Id == versionId, cancellationToken);
        LogDecided(decision, current.TenantId, current.ComponentName, current.Number, versionId, actor);
        return new ReviewResult { Outcome = ReviewOutcome.Applied, Version = decided };
    }

    private async Task<ReviewResult> ConflictAfterRaceAsync(Guid versionId, ReviewDecision decision, CancellationToken cancellationToken)
    {
        var now = await db.Versions.AsNoTracking().FirstAsync(v => v.Id == versionId, cancellationToken);
        LogLostRace(decision, versionId, now.Status);
        return Conflict(now, decision);
    }

    private static ReviewResult Conflict(ComponentVersion version, ReviewDecision decision)
    {
        var (needed, verb) = decision switch
        {
            ReviewDecision.RolledBack => ("superseded", "rolled back to"),
            ReviewDecision.Rejected => ("pending", "rejected"),
            _ => ("pending", "approved"),
        };
        return new ReviewResult
        {
            Outcome = ReviewOutcome.StateConflict,
            Version = version,
            Message = $"Version {version.Number} of '{version.ComponentName}' is {version.Status.ToString().ToLowerInvariant()}; " +
                $"only a {needed} version can be {verb}.",
        };
    }

    private static bool IsUniqueViolation(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case SqliteException { SqliteErrorCode: 19 }:                 // SQLITE_CONSTRAINT
                case SqlException { Number: 2601 or 2627 }:                    // duplicate key in a unique index / constraint
                    return true;
                case DbException:
                    return false;
            }
        }

        return false;
    }
}
