using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Every change of an outbox delivery's state, each one conditional UPDATE that repeats the
/// conditions it relies on, so dispatchers on several nodes can race and exactly one wins:
/// <code>
///   pending ──claim──► leased ──start──► running ──succeed──► delivered     (start and succeed: a group per UPDATE)
///      ▲                                    │ ──fail──► pending (backoff) │ dead-lettered
///      └──────────── park (attempt given back) ◄─┘
///   dead-lettered ──replay──► pending
/// </code>
/// Only the lease's holder may start, succeed, fail or park a delivery: a holder whose lease ran
/// out and was claimed by another dispatcher changes nothing.
/// </summary>
internal sealed class DeliveryTransitions(IOptions<EventOptions> options, SqliteWriteGate writeGate, TimeProvider time)
{
    /// <summary>
    /// Leases up to a batch of due deliveries to <paramref name="lease"/>. Candidates are chosen by a
    /// subquery; the UPDATE repeats every condition, so of two dispatchers choosing the same
    /// candidates only one lease lands on each row, and the rows read back (by the lease, which is
    /// indexed) are exactly this claim's. The attempt is counted when a row actually starts
    /// (<see cref="StartAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<OutboxDelivery>> ClaimAsync(HostDbContext db, string lease, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = Now;
        var leaseExpiresAt = now + settings.LeaseDuration;

        // One statement: the due candidates as a subquery (its SQL never changes with the batch, so
        // it is prepared once), and the conditions repeated on the rows it updates.
        var candidates = db.Deliveries
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseOwner == null || d.LeaseExpiresAt < now))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(settings.BatchSize);
        int leased;
        using (await writeGate.EnterAsync(cancellationToken))
        {
            leased = await db.Deliveries
                .Where(d => candidates.Contains(d.Id)
                    && d.Status == DeliveryStatus.Pending
                    && d.NextAttemptAt <= now
                    && (d.LeaseOwner == null || d.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => d.LeaseOwner, lease)
                    .SetProperty(d => d.LeaseExpiresAt, leaseExpiresAt),
                    cancellationToken);
        }

        return leased == 0
            ? []
            : await db.Deliveries.AsNoTracking().Where(d => d.LeaseOwner == lease).OrderBy(d => d.NextAttemptAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Right before a group of claimed deliveries runs: renews their lease for a full
    /// <see cref="EventOptions.LeaseDuration"/> and counts the attempt, in one UPDATE, only for the
    /// rows the claim still holds. A batch runs a group at a time and each may wait for a tenant
    /// slot, so a row's claim-time lease may run out before its turn. Counting before tenant code
    /// runs still counts an attempt lost with a crashed node.
    /// </summary>
    /// <returns>The deliveries the claim still holds, updated to match; the rest are another dispatcher's now.</returns>
    public async Task<IReadOnlyList<OutboxDelivery>> StartAsync(HostDbContext db, IReadOnlyList<OutboxDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return [];
        }

        var lease = SameLease(deliveries);
        var ids = deliveries.Select(d => d.Id).ToList();
        var leaseExpiresAt = Now + options.Value.LeaseDuration;
        using var pass = await writeGate.EnterAsync(cancellationToken);
        var started = await db.Deliveries
            .Where(d => ids.Contains(d.Id) && d.LeaseOwner == lease && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.LeaseExpiresAt, leaseExpiresAt)
                .SetProperty(d => d.Attempts, d => d.Attempts + 1),
                cancellationToken);
        var held = started == deliveries.Count
            ? deliveries
            : await HeldAsync(db, deliveries, lease, cancellationToken);
        foreach (var delivery in held)
        {
            delivery.Attempts++;
            delivery.LeaseExpiresAt = leaseExpiresAt;
        }

        return held;
    }

    /// <summary>The handlers ran and did not fail: delivered, in one UPDATE for the group.</summary>
    /// <returns>How many the claim still held (the others outlived their lease; their new holder records its own outcome).</returns>
    public async Task<int> SucceedAsync(HostDbContext db, IReadOnlyList<OutboxDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (deliveries.Count == 0)
        {
            return 0;
        }

        var lease = SameLease(deliveries);
        var ids = deliveries.Select(d => d.Id).ToList();
        var now = Now;
        using var pass = await writeGate.EnterAsync(cancellationToken);
        return await db.Deliveries
            .Where(d => ids.Contains(d.Id) && d.LeaseOwner == lease)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.Delivered)
                .SetProperty(d => d.CompletedAt, now)
                .SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
    }

    /// <summary>
    /// The attempt failed: pending again after the backoff for its attempt count, or dead-lettered
    /// once it has had <see cref="EventOptions.MaxAttempts"/>.
    /// </summary>
    public async Task<Transition> FailAsync(HostDbContext db, OutboxDelivery delivery, string error, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = Now;
        var deadLetter = delivery.Attempts >= settings.MaxAttempts;
        var nextAttemptAt = deadLetter
            ? now
            : now + DeliveryBackoff.Delay(delivery.Attempts, settings.BackoffBase, settings.BackoffMax, Random.Shared.NextDouble());
        var lastError = Lengths.Fit(error, Lengths.Reason);
        var applied = await ReleaseAsync(db, delivery, set => set
            .SetProperty(d => d.Status, deadLetter ? DeliveryStatus.DeadLettered : DeliveryStatus.Pending)
            .SetProperty(d => d.NextAttemptAt, nextAttemptAt)
            .SetProperty(d => d.CompletedAt, deadLetter ? now : (DateTime?)null)
            .SetProperty(d => d.LastError, lastError), cancellationToken);
        return new Transition(applied, deadLetter ? DeliveryStatus.DeadLettered : DeliveryStatus.Pending, nextAttemptAt, lastError);
    }

    /// <summary>
    /// The component did not run (suspended, no active version, a kill switch, gone): its deliveries
    /// wait until it can run again, so the attempt is given back and the next look is
    /// <see cref="EventOptions.ParkedRetryInterval"/> away, for as long as it takes; never dead-lettered for it.
    /// </summary>
    public async Task<Transition> ParkAsync(HostDbContext db, OutboxDelivery delivery, string reason, CancellationToken cancellationToken)
    {
        var nextAttemptAt = Now + options.Value.ParkedRetryInterval;
        var lastError = Lengths.Fit(reason, Lengths.Reason);
        var applied = await ReleaseAsync(db, delivery, set => set
            .SetProperty(d => d.Attempts, d => d.Attempts > 0 ? d.Attempts - 1 : 0)
            .SetProperty(d => d.NextAttemptAt, nextAttemptAt)
            .SetProperty(d => d.LastError, lastError), cancellationToken);
        return new Transition(applied, DeliveryStatus.Pending, nextAttemptAt, lastError);
    }

    /// <summary>
    /// Dead letters pending again and due now, with a full retry budget (<see cref="OutboxDelivery.Attempts"/>
    /// back at 0) and <see cref="OutboxDelivery.Replays"/> one higher; any other delivery is left alone.
    /// </summary>
    /// <returns>How many were replayed.</returns>
    public Task<int> ReplayAsync(IQueryable<OutboxDelivery> deliveries, CancellationToken cancellationToken)
    {
        var now = Now;
        return deliveries
            .Where(d => d.Status == DeliveryStatus.DeadLettered)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.Pending)
                .SetProperty(d => d.Attempts, 0)
                .SetProperty(d => d.Replays, d => d.Replays + 1)
                .SetProperty(d => d.NextAttemptAt, now)
                .SetProperty(d => d.CompletedAt, (DateTime?)null)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The one lease a group of deliveries shares: they come from one claim.</summary>
    private static string SameLease(IReadOnlyList<OutboxDelivery> deliveries)
    {
        var lease = deliveries[0].LeaseOwner ?? throw new InvalidOperationException("A claimed delivery has a lease.");
        return deliveries.All(d => d.LeaseOwner == lease)
            ? lease
            : throw new InvalidOperationException("A group of deliveries comes from one claim.");
    }

    private static async Task<IReadOnlyList<OutboxDelivery>> HeldAsync(
        HostDbContext db, IReadOnlyList<OutboxDelivery> deliveries, string lease, CancellationToken cancellationToken)
    {
        var ids = deliveries.Select(d => d.Id).ToList();
        var held = await db.Deliveries.AsNoTracking()
            .Where(d => ids.Contains(d.Id) && d.LeaseOwner == lease && d.Status == DeliveryStatus.Pending)
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        return [.. deliveries.Where(d => held.Contains(d.Id))];
    }

    /// <summary>Ends the holder's lease with <paramref name="outcome"/>'s changes, only while the holder still has it.</summary>
    private async Task<bool> ReleaseAsync(
        HostDbContext db, OutboxDelivery delivery, Action<UpdateSettersBuilder<OutboxDelivery>> outcome, CancellationToken cancellationToken)
    {
        using var pass = await writeGate.EnterAsync(cancellationToken);
        return await db.Deliveries
            .Where(d => d.Id == delivery.Id && d.LeaseOwner == delivery.LeaseOwner)
            .ExecuteUpdateAsync(set =>
            {
                outcome(set);
                set.SetProperty(d => d.LeaseOwner, (string?)null)
                    .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null);
            }, cancellationToken) > 0;
    }
}

/// <summary>What a failing or parking transition did: whether it applied (the lease was still held), the new status, the next attempt and the error kept.</summary>
internal sealed record Transition(bool Applied, DeliveryStatus Status, DateTime NextAttemptAt, string LastError);
