namespace ExtensibilityHost.Sdk.Client;

/// <summary>A version document: what was uploaded, what inspection found in it, and its review state.</summary>
public sealed record VersionInfo
{
    /// <summary>The version's id (admin routes use it).</summary>
    public required Guid Id { get; init; }

    /// <summary>The tenant.</summary>
    public required string Tenant { get; init; }

    /// <summary>The component.</summary>
    public required string Component { get; init; }

    /// <summary>1, 2, 3…</summary>
    public required int Version { get; init; }

    /// <summary>SHA-256 of the binary.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size in bytes.</summary>
    public long SizeBytes { get; init; }

    /// <summary><c>pending</c>, <c>active</c>, <c>superseded</c>, <c>rejected</c> or <c>suspended</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Why it was rejected or suspended.</summary>
    public string? StatusReason { get; init; }

    /// <summary>The worlds it implements.</summary>
    public IReadOnlyList<string> Worlds { get; init; } = [];

    /// <summary>
    /// The <c>saas:extensibility</c> version it targets (<c>1.0.0</c>, <c>1.1.0</c>), or null when it
    /// imports and exports nothing of that package (a component of the application's own world).
    /// </summary>
    public string? ContractVersion { get; init; }

    /// <summary>The WASI interfaces it imports, without version.</summary>
    public IReadOnlyList<string> Wasi { get; init; } = [];

    /// <summary>When it was uploaded (UTC).</summary>
    public DateTime CreatedAt { get; init; }

    /// <summary>When its status last changed (UTC).</summary>
    public DateTime? StatusChangedAt { get; init; }
}
