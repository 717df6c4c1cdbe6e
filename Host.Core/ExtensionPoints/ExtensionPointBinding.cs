namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>Which of a tenant's components serves an extension point (its active version runs).</summary>
public sealed class ExtensionPointBinding
{
    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The point's name, e.g. <c>pricing.discount</c>.</summary>
    public required string Point { get; init; }

    /// <summary>The component that serves it.</summary>
    public required string ComponentName { get; set; }

    /// <summary>When the point was first bound (UTC).</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>When the binding last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
