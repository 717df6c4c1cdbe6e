using System.Security.Claims;

namespace ExtensibilityHost.Api.Auth;

/// <summary>Reads the caller from the principal built by <see cref="ApiKeyAuthenticationHandler"/>.</summary>
internal static class ClaimsPrincipalExtensions
{
    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(ApiKeyDefaults.AdminRole);

    public static string? TenantId(this ClaimsPrincipal user) => user.FindFirstValue(ApiKeyDefaults.TenantClaim);

    public static Guid? KeyId(this ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ApiKeyDefaults.KeyIdClaim), out var id) ? id : null;

    /// <summary>The actor recorded in audits: the key's name and id.</summary>
    public static string Actor(this ClaimsPrincipal user) =>
        $"{user.Identity?.Name ?? "unknown"} ({user.FindFirstValue(ApiKeyDefaults.KeyIdClaim)})";
}
