using ExtensibilityHost.Api.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.Caller;

/// <summary><c>GET /api/v1/me</c>: who the presented key is — what <c>ext login</c> checks a key with.</summary>
internal static class CallerEndpoints
{
    public static IEndpointRouteBuilder MapCallerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me", Me).WithTags("Caller").RequireAuthorization(ApiKeyDefaults.CallerPolicy);
        return app;
    }

    private static Ok<CallerResponse> Me(HttpContext http) =>
        TypedResults.Ok(new CallerResponse(http.User.IsAdmin(), http.User.TenantId(), http.User.Identity?.Name ?? "", http.User.KeyId()));
}

/// <summary>The caller: an admin key, or a tenant key and its tenant.</summary>
internal sealed record CallerResponse(bool Admin, string? Tenant, string KeyName, Guid? KeyId);
