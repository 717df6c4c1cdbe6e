using System.Security.Claims;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Portal;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the admin portal: server-rendered Razor components and the portal's cookie session.</summary>
public static class PortalServiceCollectionExtensions
{
    /// <summary>
    /// Adds the portal. Sign-in is with an admin API key (checked like the API's bearer keys) and
    /// opens a cookie session scoped to <c>/portal</c>: HttpOnly, SameSite=Strict, 8 hours sliding,
    /// and re-validated on every request, so revoking the key ends the session. Call after the
    /// host's own authentication is registered; for OpenID Connect see docs/portal.md.
    /// </summary>
    public static IServiceCollection AddPortal(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRazorComponents();
        services.AddAntiforgery();
        services.AddAuthentication()
            .AddCookie(PortalDefaults.Scheme, options =>
            {
                options.Cookie.Name = "exthost-portal";
                options.Cookie.Path = PortalDefaults.BasePath;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = PortalDefaults.SignInPath;
                options.AccessDeniedPath = PortalDefaults.SignInPath;
                options.ReturnUrlParameter = "returnUrl";
                options.Events.OnValidatePrincipal = RejectRevokedKeyAsync;
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(PortalDefaults.Policy, policy => policy
                .AddAuthenticationSchemes(PortalDefaults.Scheme)
                .RequireRole(PortalDefaults.AdminRole));
        return services;
    }

    /// <summary>A session opened with an admin key lasts only as long as the key.</summary>
    private static async Task RejectRevokedKeyAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal?.FindFirstValue(PortalDefaults.KeyIdClaim) is not { } keyId || !Guid.TryParse(keyId, out var id))
        {
            // Signed in some other way (e.g. OpenID Connect): nothing to re-check here.
            return;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<HostDbContext>();
        if (!await db.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.Id == id && k.IsAdmin && k.RevokedAt == null, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(PortalDefaults.Scheme);
        }
    }
}
