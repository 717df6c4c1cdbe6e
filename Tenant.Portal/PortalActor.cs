using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace ExtensibilityHost.Portal;

/// <summary>Who decides, as the audit trail records it: the admin key's name and id, and that it was the portal.</summary>
internal static class PortalActor
{
    public static string Of(HttpContext? http)
    {
        var user = http?.User;
        return $"{user?.Identity?.Name ?? "unknown"} ({user?.FindFirstValue(PortalDefaults.KeyIdClaim) ?? "external"}) via portal";
    }
}
