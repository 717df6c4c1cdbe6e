namespace ExtensibilityHost.Portal;

/// <summary>The portal's paths, authentication scheme, policy and claims.</summary>
public static class PortalDefaults
{
    /// <summary>Where the portal lives.</summary>
    public const string BasePath = "/portal";

    /// <summary>The cookie scheme of a portal session.</summary>
    public const string Scheme = "Portal";

    /// <summary>The policy every portal page requires: a signed-in admin.</summary>
    public const string Policy = "portal-admin";

    /// <summary>The role a portal session carries.</summary>
    public const string AdminRole = "portal-admin";

    /// <summary>The id of the admin key a session was opened with (re-checked on every request).</summary>
    public const string KeyIdClaim = "exthost:portal-key-id";

    /// <summary>The sign-in page.</summary>
    public const string SignInPath = BasePath + "/signin";
}
