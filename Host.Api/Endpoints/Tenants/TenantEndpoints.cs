using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.Tenants;

/// <summary><c>/api/v1/tenants</c>: admins create and list tenants.</summary>
internal static class TenantEndpoints
{
    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenants").WithTags("Tenants").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapPost("/", CreateAsync).Validate<CreateTenantRequest>();
        group.MapGet("/", ListAsync);

        // Admin-only routes live under /api/v1/admin, like settings and kill switches.
        var keys = app.MapGroup("/api/v1/admin/tenants/{tenant}/keys").WithTags("Tenants").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        keys.MapPost("/", IssueKeyAsync).Validate<IssueKeyRequest>();
        keys.MapGet("/", ListKeysAsync);
        keys.MapDelete("/{keyId:guid}", RevokeKeyAsync);
        return app;
    }

    /// <summary>Creates a tenant; the response carries its API key, shown this once.</summary>
    private static async Task<Results<Created<CreatedTenantResponse>, ProblemHttpResult>> CreateAsync(
        CreateTenantRequest request, TenantService tenants, CancellationToken cancellationToken)
    {
        var created = await tenants.CreateAsync(request, cancellationToken);
        if (created is null)
        {
            return ApiProblems.Conflict($"A tenant '{request.Id}' already exists.");
        }

        return TypedResults.Created($"/api/v1/tenants/{created.Tenant.Id}",
            new CreatedTenantResponse(created.Tenant.Id, created.Tenant.Name, created.ApiKey, created.Tenant.CreatedAt));
    }

    private static async Task<Ok<List<TenantResponse>>> ListAsync(TenantService tenants, CancellationToken cancellationToken)
    {
        var all = await tenants.ListAsync(cancellationToken);
        return TypedResults.Ok(all.ConvertAll(t => new TenantResponse(t.Id, t.Name, t.Disabled, t.CreatedAt)));
    }

    /// <summary>Issues another key for the tenant (rotation: issue, move callers, revoke the old one).</summary>
    private static async Task<Results<Created<IssuedKeyResponse>, ProblemHttpResult>> IssueKeyAsync(
        string tenant, IssueKeyRequest request, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var issued = await keys.IssueAsync(tenant, request.Name ?? $"{tenant} key", cancellationToken);
        if (issued is null)
        {
            return ApiProblems.NotFound($"There is no tenant '{tenant}'.");
        }

        var (key, secret) = issued.Value;
        return TypedResults.Created($"/api/v1/admin/tenants/{tenant}/keys/{key.Id}",
            new IssuedKeyResponse(key.Id, key.Name, key.Prefix, secret, key.CreatedAt));
    }

    private static async Task<Results<Ok<List<ApiKeyResponse>>, ProblemHttpResult>> ListKeysAsync(
        string tenant, TenantService tenants, ApiKeyService keys, CancellationToken cancellationToken)
    {
        if (await tenants.FindAsync(tenant, cancellationToken) is null)
        {
            return ApiProblems.NotFound($"There is no tenant '{tenant}'.");
        }

        var all = await keys.ListAsync(tenant, cancellationToken);
        return TypedResults.Ok(all.ConvertAll(ApiKeyResponse.From));
    }

    /// <summary>Revokes a tenant key at once: the next request with it is a 401.</summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeKeyAsync(
        string tenant, Guid keyId, ApiKeyService keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(tenant, keyId, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"Tenant '{tenant}' has no active key {keyId}.");
}
