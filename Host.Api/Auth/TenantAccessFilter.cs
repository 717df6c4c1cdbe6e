using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Tenants;

namespace ExtensibilityHost.Api.Auth;

/// <summary>
/// Guards every <c>/tenants/{tenant}/…</c> route: a tenant key may only name its own tenant, and
/// naming another (or one that does not exist) is a 404, so ids of other tenants reveal nothing.
/// Then restricts the request's database scope to that tenant.
/// </summary>
internal sealed class TenantAccessFilter(TenantService tenants, TenantScope scope) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenantId = http.Request.RouteValues["tenant"] as string;
        if (tenantId is null)
        {
            return await next(context);
        }

        var user = http.User;
        var allowed = user.IsAdmin() || string.Equals(user.TenantId(), tenantId, StringComparison.Ordinal);
        if (!allowed || await tenants.FindAsync(tenantId, http.RequestAborted) is null)
        {
            return ApiProblems.NotFound($"There is no tenant '{tenantId}'.");
        }

        scope.Restrict(tenantId);
        return await next(context);
    }
}
