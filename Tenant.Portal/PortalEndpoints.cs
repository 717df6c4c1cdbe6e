using System.Security.Claims;
using ExtensibilityHost.Core.Tenants;
using ExtensibilityHost.Portal;
using ExtensibilityHost.Portal.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the admin portal under <c>/portal</c>: its pages and its sign-in and sign-out.</summary>
public static class PortalEndpoints
{
    /// <summary>Maps the portal's pages (server-rendered components) and <c>/portal/account/signin|signout</c>.</summary>
    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var account = app.MapGroup(PortalDefaults.BasePath + "/account").ExcludeFromDescription();

        // Form posts: antiforgery is validated for every form-bound endpoint (UseAntiforgery).
        account.MapPost("/signin", (Delegate)SignInAsync).AllowAnonymous();
        account.MapPost("/signout", (Delegate)SignOutAsync).RequireAuthorization(PortalDefaults.Policy);
        ((IEndpointRouteBuilder)app).MapRazorComponents<App>();
        return app;
    }

    /// <summary>
    /// Opens a session for an admin key. The key comes in the form body only, is never echoed, put
    /// in a URL or logged; a failure redirects to the sign-in page with an error code.
    /// </summary>
    private static async Task<IResult> SignInAsync(
        [FromForm] string? key, [FromForm] string? returnUrl, HttpContext http, ApiKeyAuthenticator authenticator)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return Results.LocalRedirect(PortalDefaults.SignInPath + "?error=missing");
        }

        var caller = await authenticator.AuthenticateAsync(key.Trim(), http.RequestAborted);
        if (caller is null)
        {
            return Results.LocalRedirect(PortalDefaults.SignInPath + "?error=invalid");
        }

        if (!caller.IsAdmin)
        {
            return Results.LocalRedirect(PortalDefaults.SignInPath + "?error=tenant-key");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, caller.KeyName),
                new Claim(PortalDefaults.KeyIdClaim, caller.KeyId.ToString()),
                new Claim(ClaimTypes.Role, PortalDefaults.AdminRole),
            ],
            PortalDefaults.Scheme);
        await http.SignInAsync(PortalDefaults.Scheme, new ClaimsPrincipal(identity));
        var target = returnUrl is { Length: > 0 } && returnUrl.StartsWith(PortalDefaults.BasePath + "/", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl
            : PortalDefaults.BasePath + "/reviews";
        return Results.LocalRedirect(target);
    }

    private static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(PortalDefaults.Scheme);
        return Results.LocalRedirect(PortalDefaults.SignInPath + "?signedOut=true");
    }
}
