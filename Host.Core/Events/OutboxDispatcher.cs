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

    /// <summary>Leases up to a batch of due deliveries to this dispatcher (<see cref="DeliveryTransitions.ClaimAsync"/>).</summary>
    internal async Task<IReadOnlyList<OutboxDelivery>> ClaimAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await transitions.ClaimAsync(
            scope.ServiceProvider.GetRequiredService<HostDbContext>(), $"{Id}#{Interlocked.Increment(ref _claims)}", cancellationToken);
    }

    private async Task DeliverAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        if (!await StartAsync(db, delivery, cancellationToken))
        {
            return;
        }

        ExtensionCallResult? run = null;
        string? hostFault = null;
        try
        {
            // Background work waits for a slot under the tenant's concurrency limit instead of failing.
            run = await scope.ServiceProvider.GetRequiredService<IExtensionRunner>().RunAsync(EventHandlerCall.Request(
                delivery.TenantId, delivery.ComponentName, delivery.EventId, delivery.EventType, new DateTimeOffset(delivery.OccurredAt), delivery.Payload,
                waitForSlot: true), cancellationToken);
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
            hostFault = "host fault: " + e.Message;
        }

        // Tenant code has run: record that even when the dispatcher is stopping, or the attempt
        // would be repeated for nothing.
        try
        {
            await EndAsync(db, delivery, run, hostFault);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Only this delivery's outcome is lost, not the rest of the batch: it keeps its lease,
            // and once that runs out it is claimed and run again, as after a crash.
            LogOutcomeNotRecorded(delivery.Id, delivery.LeaseOwner!, e);
        }
    }

    /// <summary>Starts the attempt (<see cref="DeliveryTransitions.StartAsync"/>); a failure to start is a lost lease: nothing ran.</summary>
    private async Task<bool> StartAsync(HostDbContext db, OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            if (await transitions.StartAsync(db, delivery, cancellationToken))
            {
                return true;
            }

            LogLeaseLostBeforeStart(delivery.Id, delivery.LeaseOwner!);
            return false;
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // As if the lease were lost: the lease expiry hands the delivery out again.
            LogStartFailed(delivery.Id, e);
            return false;
        }
    }

    /// <summary>
    /// The attempt's transition: succeed when the handler ran ok (for async subscriptions the
    /// decision itself does not matter), park when it did not run, fail otherwise.
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

        if (run is { Status: ExtensionCallStatus.Ok })
        {
            if (Applied(delivery, await transitions.SucceedAsync(db, delivery, CancellationToken.None)))
            {
                LogDelivered(delivery.Id, delivery.EventType, delivery.EventId, delivery.TenantId, delivery.ComponentName, delivery.Attempts);
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
}
