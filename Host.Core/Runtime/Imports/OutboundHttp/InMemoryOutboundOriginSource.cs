using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>A process-local <see cref="IOutboundOriginSource"/>, filled by <see cref="Set"/>; empty, it allows nothing.</summary>
public sealed class InMemoryOutboundOriginSource : IOutboundOriginSource
{
    private readonly ConcurrentDictionary<(string Tenant, string Component), FrozenSet<OutboundOrigin>> _origins = new();

    /// <inheritdoc/>
    public bool Allows(string tenantId, string componentName, OutboundOrigin origin) =>
        _origins.TryGetValue((tenantId, componentName), out var allowed) && allowed.Contains(origin);

    /// <summary>Replaces the origins one tenant's component may reach.</summary>
    public void Set(string tenantId, string componentName, params IEnumerable<OutboundOrigin> origins) =>
        _origins[(tenantId, componentName)] = origins.ToFrozenSet();
}
