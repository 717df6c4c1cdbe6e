using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Events;

/// <summary>Tenants' event subscriptions: subscribe (create or change), list, unsubscribe.</summary>
public sealed class SubscriptionService(HostDbContext db, IValidator<UpsertSubscription> validator, HostChanges changes, TimeProvider time)
{
    /// <summary>The rank gap between subscriptions ranked automatically, so explicit ranks fit between them.</summary>
    public const int RankStep = 10;

    /// <summary>
    /// Subscribes <see cref="UpsertSubscription.Component"/> to the event type, or changes its
    /// existing subscription (mode, failure policy, and rank when given).
    /// </summary>
    /// <returns>Created or updated with the saved subscription, or invalid with errors by field (nothing written).</returns>
    public async Task<SubscriptionUpsertResult> UpsertAsync(UpsertSubscription request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var validation = await validator.ValidateAsync(request, cancellationToken);
        if (!validation.IsValid)
        {
            return Invalid(validation.Errors
                .GroupBy(e => CamelCase(e.PropertyName))
                .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        }

        if (!await db.Components.AnyAsync(c => c.TenantId == request.TenantId && c.Name == request.Component, cancellationToken))
        {
            return Invalid(new Dictionary<string, string[]>
            {
                ["component"] = [$"Tenant '{request.TenantId}' has no component '{request.Component}'; upload it before subscribing it."],
            });
        }

        SubscriptionUpsertResult saved;
        try
        {
            saved = await SaveAsync(request, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with a concurrent subscribe of the same component: the unique index
            // decided, and the row now exists, so this becomes an update of it.
            db.ChangeTracker.Clear();
            saved = await SaveAsync(request, cancellationToken);
        }

        await changes.StampAsync(db, cancellationToken);
        return saved;
    }

    /// <summary>The tenant's subscriptions, of one event type or all, in dispatch order (event type, rank, creation).</summary>
    public Task<List<Subscription>> ListAsync(string tenantId, string? eventType = null, CancellationToken cancellationToken = default)
    {
        var query = db.Subscriptions.AsNoTracking().Where(s => s.TenantId == tenantId);
        if (eventType is not null)
        {
            query = query.Where(s => s.EventType == eventType);
        }

        return query.OrderBy(s => s.EventType).ThenBy(s => s.Rank).ThenBy(s => s.CreatedAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Unsubscribes the component from the event type. Deliveries already in the outbox are still
    /// delivered: the event was published while the subscription existed.
    /// </summary>
    /// <returns>Whether there was such a subscription.</returns>
    public async Task<bool> DeleteAsync(string tenantId, string eventType, string component, CancellationToken cancellationToken = default)
    {
        var deleted = await db.Subscriptions
            .Where(s => s.TenantId == tenantId && s.EventType == eventType && s.ComponentName == component)
            .ExecuteDeleteAsync(cancellationToken) > 0;
        if (deleted)
        {
            await changes.StampAsync(db, cancellationToken);
        }

        return deleted;
    }

    private async Task<SubscriptionUpsertResult> SaveAsync(UpsertSubscription request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var subscription = await db.Subscriptions.FirstOrDefaultAsync(
            s => s.TenantId == request.TenantId && s.EventType == request.EventType && s.ComponentName == request.Component,
            cancellationToken);
        var status = SubscriptionUpsertStatus.Updated;
        if (subscription is null)
        {
            status = SubscriptionUpsertStatus.Created;
            var highest = await db.Subscriptions
                .Where(s => s.TenantId == request.TenantId && s.EventType == request.EventType)
                .MaxAsync(s => (int?)s.Rank, cancellationToken);
            subscription = new Subscription
            {
                Id = Guid.CreateVersion7(),
                TenantId = request.TenantId,
                EventType = request.EventType,
                ComponentName = request.Component,
                Mode = request.Mode,
                Rank = request.Rank ?? (highest ?? 0) + RankStep,
                CreatedAt = now,
            };
            db.Subscriptions.Add(subscription);
        }

        subscription.Mode = request.Mode;
        subscription.OnFailure = request.OnFailure;
        subscription.Rank = request.Rank ?? subscription.Rank;
        subscription.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return new SubscriptionUpsertResult { Status = status, Subscription = subscription };
    }

    private static SubscriptionUpsertResult Invalid(Dictionary<string, string[]> errors) =>
        new() { Status = SubscriptionUpsertStatus.Invalid, Errors = errors };

    private static string CamelCase(string property) =>
        string.IsNullOrEmpty(property) ? "body" : char.ToLowerInvariant(property[0]) + property[1..];
}
