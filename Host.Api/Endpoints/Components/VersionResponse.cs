using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Api.Endpoints.Components;

/// <summary>The version document: what was uploaded, what inspection found in it, and where it stands.</summary>
internal sealed record VersionResponse
{
    public required Guid Id { get; init; }

    public required string Tenant { get; init; }

    public required string Component { get; init; }

    public required int Version { get; init; }

    public required string Sha256 { get; init; }

    public required long SizeBytes { get; init; }

    public required VersionStatus Status { get; init; }

    public string? StatusReason { get; init; }

    public required IReadOnlyList<string> Worlds { get; init; }

    /// <summary>The <c>saas:extensibility</c> version it targets, e.g. <c>1.1.0</c>; null when it uses none (a world of its own).</summary>
    public string? ContractVersion { get; init; }

    public required IReadOnlyList<VersionItem> Imports { get; init; }

    public required IReadOnlyList<VersionItem> Exports { get; init; }

    /// <summary>The WASI interfaces it imports, without version: its ambient capabilities at a glance.</summary>
    public required IReadOnlyList<string> Wasi { get; init; }

    public required DateTime CreatedAt { get; init; }

    public DateTime? StatusChangedAt { get; init; }

    public static VersionResponse From(ComponentVersion version) => new()
    {
        Id = version.Id,
        Tenant = version.TenantId,
        Component = version.ComponentName,
        Version = version.Number,
        Sha256 = version.Sha256,
        SizeBytes = version.SizeBytes,
        Status = version.Status,
        StatusReason = version.StatusReason,
        Worlds = VersionJson.Worlds(version.WorldsJson),
        ContractVersion = VersionJson.ContractVersion(version.ImportsJson, version.ExportsJson),
        Imports = VersionJson.Items(version.ImportsJson),
        Exports = VersionJson.Items(version.ExportsJson),
        Wasi = VersionJson.Wasi(version.ImportsJson),
        CreatedAt = version.CreatedAt,
        StatusChangedAt = version.StatusChangedAt,
    };

    /// <summary>Where the version document lives.</summary>
    public static string Location(ComponentVersion version) =>
        $"/api/v1/tenants/{version.TenantId}/components/{version.ComponentName}/versions/{version.Number}";
}
