using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Delivers the outbox to async subscriptions, at least once: the polling loop, and for each
/// claimed delivery the handler's run and the transition its result calls for
/// (<see cref="DeliveryTransitions"/> owns every change of state). Any number of dispatchers
/// (nodes) may share one database: each delivery is claimed with a lease by a conditional UPDATE,
/// so in the normal case exactly one dispatcher runs it, and a dispatcher that dies (or stops)
/// mid-delivery leaves a lease that runs out, after which another one claims the delivery again.
/// </summary>
internal sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    DeliveryTransitions transitions,
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

    /// <summary>
    /// One pass: claims up to a batch of due deliveries and runs them a group of
    /// <see cref="EventOptions.MaxConcurrentDeliveries"/> at a time: the group is started in one
    /// UPDATE, its handlers run concurrently, and its successes are recorded in one UPDATE (a
    /// group waits for its slowest handler, at most the call's timeout).
    /// </summary>
    /// <returns>How many were claimed.</returns>
    internal async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        // One context for the pass: the claim and every group's transitions.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var claimed = await transitions.ClaimAsync(db, $"{Id}#{Interlocked.Increment(ref _claims)}", cancellationToken);
        var runner = scope.ServiceProvider.GetRequiredService<IExtensionRunner>();
        foreach (var group in claimed.Chunk(options.Value.MaxConcurrentDeliveries))
        {
            await DeliverAsync(db, runner, group, cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>Leases up to a batch of due deliveries to this dispatcher (<see cref="DeliveryTransitions.ClaimAsync"/>).</summary>
    internal async Task<IReadOnlyList<OutboxDelivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await transitions.ClaimAsync(
            scope.ServiceProvider.GetRequiredService<HostDbContext>(), $"{Id}#{Interlocked.Increment(ref _claims)}", cancellationToken);
    }

    private async Task DeliverAsync(HostDbContext db, IExtensionRunner runner, OutboxDelivery[] group, CancellationToken cancellationToken)
    {
        var started = await StartAsync(db, group, cancellationToken);
        var attempts = await Task.WhenAll(started.Select(delivery => RunAsync(runner, delivery, cancellationToken)));

        // Tenant code has run: record that even when the dispatcher is stopping, or the attempts
        // would be repeated for nothing. (A call cancelled before it started keeps its lease, as
        // after a crash, and runs again once the lease runs out.)
        try
        {
            await EndAsync(db, [.. attempts.Where(a => a.Ran)]);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only this group's outcomes are lost, not the rest of the batch: they keep their
            // leases, and once those run out they are claimed and run again, as after a crash.
            foreach (var attempt in attempts)
            {
                LogOutcomeNotRecorded(attempt.Delivery.Id, attempt.Delivery.LeaseOwner!, e);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>Starts the group's attempts (<see cref="DeliveryTransitions.StartAsync"/>); a failure to start is a lost lease: nothing ran.</summary>
    private async Task<IReadOnlyList<OutboxDelivery>> StartAsync(HostDbContext db, OutboxDelivery[] group, CancellationToken cancellationToken)
    {
        try
        {
            var started = await transitions.StartAsync(db, group, cancellationToken);
            foreach (var lost in group.Except(started))
            {
                LogLeaseLostBeforeStart(lost.Id, lost.LeaseOwner!);
            }

            return started;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // As if the leases were lost: their expiry hands the deliveries out again.
            foreach (var delivery in group)
            {
                LogStartFailed(delivery.Id, e);
            }

            return [];
        }
    }

    /// <summary>Runs one delivery's handler; a host fault (database, blob store) fails the attempt like a tenant failure would.</summary>
    private async Task<DeliveryAttempt> RunAsync(IExtensionRunner runner, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            // Background work waits for a slot under the tenant's concurrency limit instead of failing.
            var run = await runner.RunAsync(EventHandlerCall.Request(
                delivery.TenantId, delivery.ComponentName, delivery.EventId, delivery.EventType, new DateTimeOffset(delivery.OccurredAt), delivery.Payload,
                waitForSlot: true, delivery.CorrelationId, delivery.Depth), cancellationToken);
            return new DeliveryAttempt(delivery, true, run, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new DeliveryAttempt(delivery, false, null, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The dispatcher itself goes on.
            LogDeliveryFaulted(delivery.Id, e);
            return new DeliveryAttempt(delivery, true, null, "host fault: " + e.Message);
        }
    }

    /// <summary>The group's transitions: its successes in one UPDATE, then each other attempt on its own.</summary>
    private async Task EndAsync(HostDbContext db, IReadOnlyList<DeliveryAttempt> attempts)
    {
        var succeeded = attempts.Where(a => a.Run is { Status: ExtensionCallStatus.Ok }).Select(a => a.Delivery).ToList();
        try
        {
            Succeeded(succeeded, await transitions.SucceedAsync(db, succeeded, CancellationToken.None));
        }
        catch (Exception e) when (e is not OutOfMemoryException && succeeded.Count > 1)
        {
            // One row the database refuses must not cost the others their outcome: one at a time.
            LogGroupOutcomeRetried(succeeded.Count, e);
            foreach (var delivery in succeeded)
            {
                try
                {
                    Succeeded([delivery], await transitions.SucceedAsync(db, [delivery], CancellationToken.None));
                }
                catch (Exception one) when (one is not OutOfMemoryException)
                {
                    LogOutcomeNotRecorded(delivery.Id, delivery.LeaseOwner!, one);
                }
            }
        }

        foreach (var attempt in attempts.Where(a => a.Run is not { Status: ExtensionCallStatus.Ok }))
        {
            await EndAsync(db, attempt.Delivery, attempt.Run, attempt.HostFault);
        }
    }

    private void Succeeded(List<OutboxDelivery> succeeded, int recorded)
    {
        if (recorded == succeeded.Count)
        {
            foreach (var delivery in succeeded)
            {
                LogDelivered(delivery.Id, delivery.EventType, delivery.EventId, delivery.TenantId, delivery.ComponentName, delivery.Attempts);
            }
        }
        else
        {
            LogSomeLeasesLost(succeeded.Count - recorded, succeeded.Count, succeeded[0].LeaseOwner!);
        }
    }

    /// <summary>
    /// A failed attempt's transition (a success needs none here: for async subscriptions the
    /// decision itself does not matter): park when the handler did not run, fail otherwise.
    /// </summary>
    private async Task EndAsync(HostDbContext db, OutboxDelivery delivery, ExtensionCallResult? run, string? hostFault)
    {
        if (run is { Ran: false })
        {
            var parked = await transitions.ParkAsync(db, delivery, $"not run ({run.Status}): {run.Error}", CancellationToken.None);
            if (Applied(delivery, parked.Applied))
            {
                LogParked(delivery.Id, delivery.ComponentName, run.Status, parked.NextAttemptAt, parked.LastError);
            }

            return;
        }

        var failed = await transitions.FailAsync(db, delivery, hostFault ?? EventHandlerCall.FailureText(run!.Invocation!), CancellationToken.None);
        if (!Applied(delivery, failed.Applied))
        {
            return;
        }

        if (failed.Status == DeliveryStatus.DeadLettered)
        {
            LogDeadLettered(delivery.Id, delivery.EventType, delivery.EventId, delivery.TenantId, delivery.ComponentName, delivery.Attempts, failed.LastError);
        }
        else
        {
            LogRetrying(delivery.Id, delivery.Attempts, failed.NextAttemptAt, failed.LastError);
        }
    }

    /// <summary>Whether the transition applied; if the lease ran out and another dispatcher took the delivery, that one records its own outcome.</summary>
    private bool Applied(OutboxDelivery delivery, bool applied)
    {
        if (!applied)
        {
            LogLeaseLost(delivery.Id, delivery.LeaseOwner!);
        }

        return applied;
    }

    /// <summary>One delivery's attempt: whether its handler ran (not when cancelled before it started), its result, or the host's fault.</summary>
    private sealed record DeliveryAttempt(OutboxDelivery Delivery, bool Ran, ExtensionCallResult? Run, string? HostFault);
}
