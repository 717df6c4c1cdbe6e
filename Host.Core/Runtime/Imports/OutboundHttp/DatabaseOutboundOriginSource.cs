using System.Collections.Frozen;
using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// The allow-lists in the host database (<see cref="AllowedOrigin"/>), as admins set them through
/// <see cref="OutboundOriginsEditor"/>.
/// </summary>
/// <remarks>
/// Cached per node, one immutable set per component (<see cref="NodeCache{TKey, TValue}"/>): a list an
/// admin changes through <see cref="OutboundOriginsEditor"/> is what the very next call on this node
/// checks, and what calls on other nodes check within <see cref="CachingOptions.PollInterval"/>.
/// Synchronous, like every host import: on a miss, one short indexed read on a fresh scope, on the
/// guest call's own thread.
/// </remarks>
internal sealed class DatabaseOutboundOriginSource(IServiceScopeFactory scopes, HostChanges changes) : IOutboundOriginSource
{
    private readonly NodeCache<(string Tenant, string Component), FrozenSet<OutboundOrigin>> _origins = new(changes);

    public bool Allows(string tenantId, string componentName, OutboundOrigin origin) =>
        _origins.GetOrLoad((tenantId, componentName), scopes, static (component, scopes) =>
        {
            using var services = scopes.CreateScope();
            var stored = services.ServiceProvider.GetRequiredService<HostDbContext>().OutboundOrigins
                .AsNoTracking()
                .Where(o => o.TenantId == component.Tenant && o.ComponentName == component.Component)
                .Select(o => o.Origin)
                .ToList();
            return stored
                .Select(text => OutboundOrigin.TryParse(text, out var parsed, out _) ? parsed : null)
                .OfType<OutboundOrigin>()
                .ToFrozenSet();
        }).Contains(origin);
}
