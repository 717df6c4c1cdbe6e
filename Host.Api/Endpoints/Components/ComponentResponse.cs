using ExtensibilityHost.Core.Invocations.Running;
namespace ExtensibilityHost.Api.Endpoints.Components;

/// <summary>A tenant's component: how many versions it has, the newest and the active one.</summary>
internal sealed record ComponentResponse(string Name, DateTime CreatedAt, bool Disabled, int VersionCount, int LatestVersion, int? ActiveVersion);
