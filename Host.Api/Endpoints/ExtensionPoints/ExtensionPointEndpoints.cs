using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.ExtensionPoints;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.ExtensionPoints;

/// <summary>
/// Extension points: the configured points (<c>GET /api/v1/extension-points</c>), a tenant's
/// bindings of components to points, and <c>POST …/extension-points/{point}/invoke</c>.
/// </summary>
internal static class ExtensionPointEndpoints
{
    public static IEndpointRouteBuilder MapExtensionPointEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/extension-points", ListPoints)
            .WithTags("Extension points")
            .RequireAuthorization(ApiKeyDefaults.CallerPolicy);

        var group = app.MapGroup("/api/v1/tenants/{tenant}/extension-points")
            .WithTags("Extension points")
            .RequireAuthorization(ApiKeyDefaults.CallerPolicy)
            .AddEndpointFilter<TenantAccessFilter>();
        group.MapGet("/", ListBindingsAsync);
        group.MapPut("/{point}/binding", BindComponentAsync).Validate<BindExtensionPointRequest>();
        group.MapDelete("/{point}/binding", UnbindAsync);
        group.MapPost("/{point}/invoke", InvokeAsync).Validate<InvokeExtensionPointRequest>();
        return app;
    }

    private static Ok<List<ExtensionPointResponse>> ListPoints(ExtensionPointRegistry registry) =>
        TypedResults.Ok(registry.Points.OrderBy(p => p.Name, StringComparer.Ordinal).Select(ExtensionPointResponse.From).ToList());

    private static async Task<Ok<List<ExtensionPointBindingResponse>>> ListBindingsAsync(
        string tenant, ExtensionPointBinder bindings, CancellationToken cancellationToken)
    {
        var all = await bindings.ListAsync(tenant, cancellationToken);
        return TypedResults.Ok(all.Select(ExtensionPointBindingResponse.From).ToList());
    }

    private static async Task<Results<Ok<ExtensionPointBindingResponse>, ProblemHttpResult>> BindComponentAsync(
        string tenant, string point, BindExtensionPointRequest request, ExtensionPointBinder bindings, CancellationToken cancellationToken)
    {
        var status = await bindings.BindComponentAsync(tenant, point, request.Component, cancellationToken);
        return status switch
        {
            ExtensionPointBindStatus.Created or ExtensionPointBindStatus.Updated =>
                TypedResults.Ok(new ExtensionPointBindingResponse(point, request.Component)),
            ExtensionPointBindStatus.UnknownPoint => ApiProblems.NotFound($"There is no extension point '{point}'."),
            _ => ApiProblems.NotFound($"There is no tenant '{tenant}'."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnbindAsync(
        string tenant, string point, ExtensionPointBinder bindings, CancellationToken cancellationToken) =>
        await bindings.UnbindAsync(tenant, point, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"No component is bound to '{point}'.");

    /// <summary>
    /// Runs the tenant's component bound to the point. A fail-open point answers 200 with its
    /// default (and <c>usedDefault: true</c>) when the extension fails; a fail-closed one answers
    /// the failure's problem (504 for a timeout, 422 for an <c>err</c>, …).
    /// </summary>
    private static async Task<Results<Ok<ExtensionPointInvokeResponse>, ProblemHttpResult>> InvokeAsync(
        string tenant, string point, InvokeExtensionPointRequest request, IExtensionPoints points, HttpContext http,
        CancellationToken cancellationToken)
    {
        var result = await points.InvokeAsync(tenant, point, request.Input, cancellationToken);
        if (result.Succeeded)
        {
            return TypedResults.Ok(ExtensionPointInvokeResponse.From(result));
        }

        return InvocationProblems.For(http, result.Call);
    }
}
