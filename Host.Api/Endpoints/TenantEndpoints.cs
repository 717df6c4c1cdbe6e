using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Tenants;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints;

/// <summary><c>/api/v1/tenants</c>: admins create and list tenants.</summary>
internal static class TenantEndpoints
{
    public static IEndpointRouteBuilder MapTenantEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenants").WithTags("Tenants").RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapPost("/", CreateAsync).Validate<CreateTenantRequest>();
        group.MapGet("/", ListAsync);
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
}
