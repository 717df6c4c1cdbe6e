namespace ExtensibilityHost.Api.Endpoints;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (database and blob store answer).</summary>
internal static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        return app;
    }
}
