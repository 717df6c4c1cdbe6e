namespace ExtensibilityHost.Api.Auth;

/// <summary>Names of the API-key authentication scheme, its claims and policies.</summary>
internal static class ApiKeyDefaults
{
    public const string Scheme = "ApiKey";
    public const string AdminPolicy = "admin";
    public const string CallerPolicy = "caller";
    public const string TenantClaim = "exthost:tenant";
    public const string KeyIdClaim = "exthost:key-id";
    public const string AdminRole = "admin";
    public const string TenantRole = "tenant";
}
