using System.Security.Claims;
using System.Text.Encodings.Web;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Tenants;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Api.Auth;

/// <summary><c>Authorization: Bearer &lt;api key&gt;</c> against the hashed keys in the database.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator authenticator)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer <api key>'.");
        }

        var caller = await authenticator.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (caller is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        List<Claim> claims =
        [
            new(ClaimTypes.Name, caller.KeyName),
            new(ApiKeyDefaults.KeyIdClaim, caller.KeyId.ToString()),
            new(ClaimTypes.Role, caller.IsAdmin ? ApiKeyDefaults.AdminRole : ApiKeyDefaults.TenantRole),
        ];
        if (caller.TenantId is not null)
        {
            claims.Add(new Claim(ApiKeyDefaults.TenantClaim, caller.TenantId));
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return WriteProblem(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "Authentication required",
            "Send 'Authorization: Bearer <api key>' with a valid tenant or admin key.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Forbidden", "This route needs an admin key.");

    private Task WriteProblem(int status, string type, string title, string detail) =>
        ApiProblems.Problem(type, status, title, detail).ExecuteAsync(Context);
}
