using ExtensibilityHost.Core.Invocations.Running;
namespace ExtensibilityHost.Core.Versions;

/// <summary>A tenant's component with where its versions stand.</summary>
/// <param name="Name">The component name.</param>
/// <param name="CreatedAt">When its first version was uploaded (UTC).</param>
/// <param name="Disabled">Whether its kill switch is on.</param>
/// <param name="VersionCount">How many versions it has.</param>
/// <param name="LatestVersion">The number of its newest version.</param>
/// <param name="ActiveVersion">The number of its active version, or null.</param>
public sealed record ComponentSummary(string Name, DateTime CreatedAt, bool Disabled, int VersionCount, int LatestVersion, int? ActiveVersion);
