namespace ExtensibilityHost.Api.Endpoints;

/// <summary>A tenant's component: how many versions it has, the newest and the active one.</summary>
internal sealed record ComponentResponse(string Name, DateTime CreatedAt, bool Disabled, int VersionCount, int LatestVersion, int? ActiveVersion);
