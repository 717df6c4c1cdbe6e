using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Persistence.Configurations;
using ExtensibilityHost.Core.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Delivers the outbox to async subscriptions, at least once. Any number of dispatchers (nodes)
/// may share one database: each delivery is claimed with a lease by a conditional UPDATE, so in
/// the normal case exactly one dispatcher runs it, and a dispatcher that dies (or stops) mid-delivery
/// leaves a lease that runs out, after which another one claims the delivery again.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    IOptions<EventOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private long _claims;

    /// <summary>This dispatcher's name in <see cref="OutboxDelivery.LeaseOwner"/>, unique per instance.</summary>
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(Id);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await DeliverDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Deliveries in flight keep their leases, as after a crash: their outcome is unknown
                // (tenant code may have run), so another dispatcher retries them once the leases run out.
                return;
            }
            catch (Exception e)
            {
                // The database may be down for a while: keep polling rather than stop the host.
                LogPassFailed(e);
            }

            if (claimed < options.Value.BatchSize)
            {
                try
                {
                    await Task.Delay(options.Value.PollInterval, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>One pass: claims up to a batch of due deliveries and runs them.</summary>
    /// <returns>How many were claimed.</returns>
    internal async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        await Parallel.ForEachAsync(
            claimed,
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrentDeliveries, CancellationToken = cancellationToken },
            async (claim, token) => await DeliverAsync(claim, token));
        return claimed.Count;
    }

    /// <summary>
    /// Leases up to a batch of due deliveries to this dispatcher. Candidates are read without a lock;
    /// the UPDATE repeats every condition, so of two dispatchers reading the same candidates only one
    /// lease lands on each row, and the rows read back are exactly this claim's. The attempt is counted
    /// later, by <see cref="BeginAttemptAsync"/>, when a row actually runs.
    /// </summary>
    internal async Task<IReadOnlyList<OutboxDelivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var now = time.GetUtcNow().UtcDateTime;
        var candidates = await db.Deliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseOwner == null || d.LeaseExpiresAt < now))
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => d.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        var lease = $"{Id}#{Interlocked.Increment(ref _claims)}";
        var leaseExpiresAt = now + options.Value.LeaseDuration;
        var leased = await db.Deliveries
            .Where(d => candidates.Contains(d.Id)
                && d.Status == DeliveryStatus.Pending
                && d.NextAttemptAt <= now
                && (d.LeaseOwner == null || d.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.LeaseOwner, lease)
                .SetProperty(d => d.LeaseExpiresAt, leaseExpiresAt),
                cancellationToken);
        if (leased == 0)
        {
            return [];
        }

        return await db.Deliveries.AsNoTracking().Where(d => d.LeaseOwner == lease).ToListAsync(cancellationToken);
    }

    private async Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        if (!await BeginAttemptAsync(db, delivery, cancellationToken))
        {
            return;
        }

        var runner = scope.ServiceProvider.GetRequiredService<IExtensionRunner>();
        string? error;
        ExtensionRunResult? refused = null;
        try
        {
            // Background work waits for a slot under the tenant's concurrency limit instead of failing.
            var run = await runner.RunAsync(new ExtensionRunRequest
            {
                TenantId = delivery.TenantId,
                ComponentName = delivery.ComponentName,
                Target = EventHandlerCall.Target,
                Arguments = [EventHandlerCall.Event(delivery.EventId, delivery.EventType, delivery.TenantId, new DateTimeOffset(delivery.OccurredAt), delivery.Payload)],
                Label = EventHandlerCall.Label(delivery.EventType),
                EventId = delivery.EventId,
                WaitForSlot = true,
            }, cancellationToken);
            if (run.Status == ExtensionRunStatus.Ran)
            {
                error = Failure(run.Invocation!);
            }
            else
            {
                refused = run;
                error = null;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A host fault (database, blob store) fails this attempt like a tenant failure would;
            // the dispatcher itself goes on.
            LogDeliveryFaulted(delivery.Id, e);
            error = "host fault: " + e.Message;
        }

        // Tenant code has run: record that even when the dispatcher is stopping, or the attempt
        // would be repeated for nothing.
        try
        {
            if (refused is not null)
            {
                await ParkAsync(db, delivery, refused, CancellationToken.None);
            }
            else if (error is null)
            {
                await CompleteAsync(db, delivery, CancellationToken.None);
            }
            else
            {
                await FailAsync(db, delivery, error, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only this delivery's outcome is lost, not the rest of the batch: it keeps its lease,
            // and once that runs out it is claimed and run again, as after a crash.
            LogOutcomeNotRecorded(delivery.Id, delivery.LeaseOwner!, e);
        }
    }

    /// <summary>
    /// Right before a claimed delivery runs: renews its lease for a full <see cref="EventOptions.LeaseDuration"/>
    /// and counts the attempt, only while this claim still holds it. A batch runs a few at a time and
    /// each may wait for a tenant slot, so a row's claim-time lease may run out before its turn; if
    /// another dispatcher has claimed it meanwhile, this one leaves it alone. Counting here, before tenant
    /// code runs, still counts an attempt lost with a crashed node.
    /// </summary>
    /// <returns>Whether this dispatcher still holds the delivery and may run it.</returns>
    private async Task<bool> BeginAttemptAsync(HostDbContext db, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var leaseExpiresAt = time.GetUtcNow().UtcDateTime + options.Value.LeaseDuration;
        int started;
        try
        {
            started = await db.Deliveries
                .Where(d => d.Id == delivery.Id && d.LeaseOwner == delivery.LeaseOwner && d.Status == DeliveryStatus.Pending)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => d.LeaseExpiresAt, leaseExpiresAt)
                    .SetProperty(d => d.Attempts, d => d.Attempts + 1),
                    cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // As if the lease were lost: nothing ran, and the lease expiry hands the delivery out again.
            LogStartFailed(delivery.Id, e);
            return false;
        }

        if (started == 0)
        {
            LogLeaseLostBeforeStart(delivery.Id, delivery.LeaseOwner!);
            return false;
        }

        delivery.Attempts++;
        delivery.LeaseExpiresAt = leaseExpiresAt;
        return true;
    }

    /// <summary>Null when the handler ran and did not fail (for async subscriptions the decision itself does not matter).</summary>
    private static string? Failure(InvocationResult invocation)
    {
        if (invocation.Outcome == InvocationOutcome.Ok)
        {
            return null;
        }

        var outcome = invocation.Outcome.ToWireName();
        return $"{outcome}: {EventHandlerCall.Failure(invocation.Output) ?? invocation.Error ?? outcome}";
    }

    private async Task CompleteAsync(HostDbContext db, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // Only while this claim still holds the lease: if it ran out and another dispatcher took
        // the delivery, that one records its own outcome.
        var updated = await db.Deliveries
            .Where(d => d.Id == delivery.Id && d.LeaseOwner == delivery.LeaseOwner)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.Delivered)
                .SetProperty(d => d.CompletedAt, now)
                .SetProperty(d => d.LastError, (string?)null)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
        if (updated == 0)
        {
            LogLeaseLost(delivery.Id, delivery.LeaseOwner!);
            return;
        }

        LogDelivered(delivery.Id, delivery.EventType, delivery.EventId, delivery.TenantId, delivery.ComponentName, delivery.Attempts);
    }

    /// <summary>
    /// The component did not run (suspended, no active version, a kill switch, gone): its
    /// subscriptions stop until it can run again, so the attempt counted at claim is given back and
    /// the delivery waits <see cref="EventOptions.ParkedRetryInterval"/> before the next look, for
    /// as long as it takes; it is never dead-lettered for it.
    /// </summary>
    private async Task ParkAsync(HostDbContext db, OutboxDelivery delivery, ExtensionRunResult refused, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var nextAttemptAt = now + options.Value.ParkedRetryInterval;
        var reason = $"not run ({refused.Status}): {refused.Reason}";
        var lastError = InvocationRecords.Truncate(reason, Lengths.Reason);
        var updated = await db.Deliveries
            .Where(d => d.Id == delivery.Id && d.LeaseOwner == delivery.LeaseOwner)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Attempts, d => d.Attempts > 0 ? d.Attempts - 1 : 0)
                .SetProperty(d => d.NextAttemptAt, nextAttemptAt)
                .SetProperty(d => d.LastError, lastError)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
        if (updated == 0)
        {
            LogLeaseLost(delivery.Id, delivery.LeaseOwner!);
            return;
        }

        LogParked(delivery.Id, delivery.ComponentName, refused.Status, nextAttemptAt, lastError);
    }

    private async Task FailAsync(HostDbContext db, OutboxDelivery delivery, string error, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var settings = options.Value;
        var deadLetter = delivery.Attempts >= settings.MaxAttempts;
        var nextAttemptAt = deadLetter
            ? now
            : now + DeliveryBackoff.Delay(delivery.Attempts, settings.BackoffBase, settings.BackoffMax, Random.Shared.NextDouble());
        var lastError = InvocationRecords.Truncate(error, Lengths.Reason);
        var updated = await db.Deliveries
            .Where(d => d.Id == delivery.Id && d.LeaseOwner == delivery.LeaseOwner)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, deadLetter ? DeliveryStatus.DeadLettered : DeliveryStatus.Pending)
                .SetProperty(d => d.NextAttemptAt, nextAttemptAt)
                .SetProperty(d => d.CompletedAt, deadLetter ? now : (DateTime?)null)
                .SetProperty(d => d.LastError, lastError)
                .SetProperty(d => d.LeaseOwner, (string?)null)
                .SetProperty(d => d.LeaseExpiresAt, (DateTime?)null),
                cancellationToken);
        if (updated == 0)
        {
            LogLeaseLost(delivery.Id, delivery.LeaseOwner!);
        }
        else if (deadLetter)
        {
            LogDeadLettered(delivery.Id, delivery.EventType, delivery.EventId, delivery.TenantId, delivery.ComponentName, delivery.Attempts, lastError);
        }
        else
        {
            LogRetrying(delivery.Id, delivery.Attempts, nextAttemptAt, lastError);
        }
    }
}
