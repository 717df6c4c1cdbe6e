namespace ExtensibilityHost.Core.Reviews;

/// <summary>An audited decision about a component version.</summary>
public sealed class Review
{
    /// <summary>Id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The tenant that owns the version.</summary>
    public required string TenantId { get; init; }

    /// <summary>The version decided on.</summary>
    public required Guid VersionId { get; init; }

    /// <summary>What was decided.</summary>
    public required ReviewDecision Decision { get; init; }

    /// <summary>Why (required for rejections).</summary>
    public string? Reason { get; init; }

    /// <summary>Who decided: the admin key's name, or <c>system</c> for automatic decisions.</summary>
    public required string Actor { get; init; }

    /// <summary>When (UTC).</summary>
    public required DateTime At { get; init; }
}
