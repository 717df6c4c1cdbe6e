using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// An event type's subscriptions of one tenant in dispatch order (rank, creation, id), cached per
/// node — an event type nobody subscribes to included — until a subscription changes
/// (<see cref="SubscriptionService"/> stamps every change, <see cref="HostChanges"/>).
/// </summary>
internal sealed class SubscriptionRoutes(IServiceScopeFactory scopes, HostChanges changes)
{
    private readonly NodeCache<(string Tenant, string EventType), Subscription[]> _routes = new(changes);

    /// <summary>The subscriptions; shared between calls, so read them and never change them.</summary>
    public ValueTask<Subscription[]> ForAsync(string tenantId, string eventType, CancellationToken cancellationToken) =>
        _routes.GetOrLoadAsync((tenantId, eventType), scopes, static async (key, scopes, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<HostDbContext>().Subscriptions.AsNoTracking()
                .Where(s => s.TenantId == key.Tenant && s.EventType == key.EventType)
                .OrderBy(s => s.Rank).ThenBy(s => s.CreatedAt).ThenBy(s => s.Id)
                .ToArrayAsync(ct);
        }, cancellationToken);
}
