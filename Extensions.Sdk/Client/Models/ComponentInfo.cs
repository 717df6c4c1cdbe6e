namespace ExtensibilityHost.Sdk.Client;

/// <summary>A tenant's component: its versions at a glance.</summary>
/// <param name="Name">The component's name.</param>
/// <param name="CreatedAt">When its first version was uploaded (UTC).</param>
/// <param name="Disabled">Its kill switch is on.</param>
/// <param name="VersionCount">How many versions were uploaded.</param>
/// <param name="LatestVersion">The newest version's number.</param>
/// <param name="ActiveVersion">The active version's number, if any.</param>
public sealed record ComponentInfo(string Name, DateTime CreatedAt, bool Disabled, int VersionCount, int LatestVersion, int? ActiveVersion);
