using Prometheus;

namespace ExtensibilityHost.Api.Endpoints.Health;

/// <summary>
/// <c>/health/live</c> (the process answers), <c>/health/ready</c> (database and blob store answer)
/// and <c>/metrics</c> (Prometheus text: HTTP, .NET runtime and the <c>ExtensibilityHost</c> meter).
/// </summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapMetrics("/metrics").AllowAnonymous().DisableRateLimiting();
        return app;
    }
}
