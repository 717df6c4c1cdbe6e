using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// <c>point-echo.wat</c>'s work written in C#, as a minimal-API endpoint of the real Host.Api in the
/// same process: <c>POST /api/v1/tenants/{tenant}/native/point-echo/{point}</c> with the body of an
/// extension-point invoke (<c>{"input": …}</c>) logs <c>point-echo: {point}</c> at information and
/// answers the input as the output. It sits behind what guards the invoke endpoint: the host's
/// authentication, its <c>caller</c> policy, its tenant-access filter and its global per-tenant
/// rate limiter (which applies to every request of the pipeline).
/// </summary>
/// <remarks>
/// Mapped by a startup filter, after the application's own pipeline is configured, onto the
/// application's route builder (the one its endpoints are in), so routing, authentication,
/// authorization and rate limiting run for it exactly as for the host's endpoints. point-echo's
/// test-only inputs (<c>"loop"</c>, <c>"fail"</c>, <c>"trap"</c>, <c>"not-json"</c>) are not mirrored:
/// the benchmark never sends them.
/// </remarks>
internal sealed partial class NativePointEcho : IStartupFilter
{
    public const string Route = "/api/v1/tenants/{tenant}/native/point-echo/{point}";

    /// <summary>
    /// Where <c>UseRouting</c> leaves the route builder it matches against (ASP.NET Core's
    /// EndpointRoutingApplicationBuilderExtensions.EndpointRouteBuilder): for a WebApplication, the
    /// application itself, holding every endpoint Program.cs mapped.
    /// </summary>
    private const string EndpointRouteBuilderKey = "__EndpointRouteBuilder";

    /// <summary>Host.Api's policy for tenant and admin callers (its ApiKeyDefaults.CallerPolicy, internal).</summary>
    private const string CallerPolicy = "caller";

    /// <summary>Host.Api's filter on every <c>/tenants/{tenant}/…</c> route (internal; resolved from its DI container per request as the host does).</summary>
    private static readonly Type s_tenantAccessFilter =
        Type.GetType("ExtensibilityHost.Api.Auth.TenantAccessFilter, ExtensibilityHost.Api", throwOnError: true)!;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        next(app);
        if (!app.Properties.TryGetValue(EndpointRouteBuilderKey, out var value) || value is not IEndpointRouteBuilder { DataSources.Count: > 0 } routes)
        {
            throw new InvalidOperationException("The application's route builder was not found: ASP.NET Core's minimal hosting has changed.");
        }

        routes.MapPost(Route, Echo)
            .RequireAuthorization(CallerPolicy)
            .AddEndpointFilter((context, nextFilter) =>
                ((IEndpointFilter)context.HttpContext.RequestServices.GetRequiredService(s_tenantAccessFilter)).InvokeAsync(context, nextFilter));
    };

    private static Results<Ok<EchoResponse>, ValidationProblem> Echo(string point, EchoRequest request, ILogger<NativePointEcho> logger)
    {
        if (request.Input.ValueKind == JsonValueKind.Undefined)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["input"] = ["'input' is required (any JSON value)."] });
        }

        LogEcho(logger, point);
        return TypedResults.Ok(new EchoResponse(point, request.Input));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "point-echo: {Point}")]
    private static partial void LogEcho(ILogger logger, string point);

    /// <summary>The body of an extension-point invoke.</summary>
    internal sealed record EchoRequest(JsonElement Input);

    /// <summary>The point and its output, as the invoke endpoint answers them.</summary>
    internal sealed record EchoResponse(string Point, JsonElement Output);
}
