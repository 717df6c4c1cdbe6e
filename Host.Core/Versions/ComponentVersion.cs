namespace ExtensibilityHost.Core.Versions;

/// <summary>One uploaded binary of a tenant's component, with what inspection found in it.</summary>
public sealed class ComponentVersion
{
    /// <summary>Id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The component this is a version of.</summary>
    public required Guid ComponentId { get; init; }

    /// <summary>The component's name (denormalised for queries by name).</summary>
    public required string ComponentName { get; init; }

    /// <summary>1, 2, 3… per component, in upload order.</summary>
    public required int Number { get; init; }

    /// <summary>SHA-256 of the binary (lowercase hex); also its blob name.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Size of the binary in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Lifecycle status.</summary>
    public VersionStatus Status { get; set; }

    /// <summary>Why the status is what it is (rejection or suspension reason).</summary>
    public string? StatusReason { get; set; }

    /// <summary>The worlds the component implements, as JSON (array of names).</summary>
    public required string WorldsJson { get; init; }

    /// <summary>Imports with signatures, as JSON.</summary>
    public required string ImportsJson { get; init; }

    /// <summary>Exports with signatures, as JSON.</summary>
    public required string ExportsJson { get; init; }

    /// <summary>When it was uploaded (UTC).</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>When its status last changed (UTC).</summary>
    public DateTime? StatusChangedAt { get; set; }

    /// <summary>Failed invocations in a row; reset by a success (circuit breaker).</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>Optimistic concurrency token: changed on every status change, so two racing decisions have one winner.</summary>
    public Guid ConcurrencyStamp { get; set; }
}
