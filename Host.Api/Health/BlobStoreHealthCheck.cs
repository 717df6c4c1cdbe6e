using ExtensibilityHost.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ExtensibilityHost.Api.Health;

/// <summary>Ready only when the component blob store answers.</summary>
internal sealed class BlobStoreHealthCheck(IComponentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var health = await store.CheckHealthAsync(cancellationToken);
        return health.IsHealthy ? HealthCheckResult.Healthy(health.Description) : HealthCheckResult.Unhealthy(health.Description);
    }
}
