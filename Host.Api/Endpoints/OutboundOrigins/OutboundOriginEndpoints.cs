using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;
using ExtensibilityHost.Core.Versions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.OutboundOrigins;

/// <summary>
/// The origins a component may reach through the <c>outbound-http</c> import (docs/outbound-http.md):
/// admins read and replace them at <c>/api/v1/admin/tenants/{tenant}/components/{name}/outbound-origins</c>;
/// a tenant reads its own component's list at <c>/api/v1/tenants/{tenant}/components/{name}/outbound-origins</c>
/// (what its code may reach is no secret to it; who allowed what is the operator's).
/// </summary>
internal static class OutboundOriginEndpoints
{
    private const string Path = "/{name}/outbound-origins";

    public static IEndpointRouteBuilder MapOutboundOriginEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/tenants/{tenant}/components")
            .WithTags("Outbound origins")
            .RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        admin.MapGet(Path, GetAsync);
        admin.MapPut(Path, ReplaceAsync).Validate<SetOutboundOriginsRequest>();

        var tenant = app.MapGroup("/api/v1/tenants/{tenant}/components")
            .WithTags("Outbound origins")
            .RequireAuthorization(ApiKeyDefaults.CallerPolicy)
            .AddEndpointFilter<TenantAccessFilter>();
        tenant.MapGet(Path, GetForTenantAsync);
        return app;
    }

    private static async Task<Results<Ok<OutboundOriginsResponse>, ProblemHttpResult>> GetAsync(
        string tenant, string name, OutboundOriginsEditor editor, CancellationToken cancellationToken) =>
        await editor.ListAsync(tenant, name, cancellationToken) is { } list
            ? TypedResults.Ok(Response(tenant, name, list, admin: true))
            : ApiProblems.NotFound($"Tenant '{tenant}' has no component '{name}'.");

    private static async Task<Results<Ok<OutboundOriginsResponse>, ProblemHttpResult>> GetForTenantAsync(
        string tenant, string name, OutboundOriginsEditor editor, CancellationToken cancellationToken) =>
        await editor.ListAsync(tenant, name, cancellationToken) is { } list
            ? TypedResults.Ok(Response(tenant, name, list, admin: false))
            : ApiProblems.NotFound($"Tenant '{tenant}' has no component '{name}'.");

    /// <summary>Replaces the list; origins are stored in canonical form, duplicates once. Audited: who added each origin and when.</summary>
    private static async Task<Results<Ok<OutboundOriginsResponse>, ProblemHttpResult>> ReplaceAsync(
        string tenant, string name, SetOutboundOriginsRequest request, OutboundOriginsEditor editor, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ComponentName.IsValid(name))
        {
            return ApiProblems.Validation($"'{name}' is not a component name.",
                new Dictionary<string, string[]> { ["name"] = [$"A component name is {ComponentName.Rule}."] });
        }

        List<OutboundOrigin> origins = [];
        foreach (var text in request.Origins!)
        {
            // The validator has read every entry already.
            origins.Add(OutboundOrigin.TryParse(text, out var origin, out var error) ? origin : throw new InvalidOperationException(error));
        }

        var status = await editor.ReplaceAsync(tenant, name, origins, http.User.Actor(), cancellationToken);
        return status switch
        {
            OutboundOriginsWriteStatus.Replaced => TypedResults.Ok(Response(tenant, name, (await editor.ListAsync(tenant, name, cancellationToken))!, admin: true)),
            OutboundOriginsWriteStatus.ComponentNotFound => ApiProblems.NotFound($"Tenant '{tenant}' has no component '{name}'."),
            _ => ApiProblems.NotFound($"There is no tenant '{tenant}'."),
        };
    }

    private static OutboundOriginsResponse Response(string tenant, string name, IReadOnlyList<AllowedOrigin> list, bool admin) => new(
        tenant,
        name,
        [.. list.Select(o => o.Origin)],
        admin ? [.. list.Select(o => new AllowedOriginResponse(o.Origin, o.AddedBy, o.AddedAt))] : null);
}
