namespace ExtensibilityHost.Core.Versions;

/// <summary>A tenant's named extension; its code arrives as <see cref="ComponentVersion"/>s.</summary>
public sealed class TenantComponent
{
    /// <summary>Id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The name, unique within the tenant (a lowercase slug).</summary>
    public required string Name { get; init; }

    /// <summary>When the first version was uploaded (UTC).</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>Kill switch: when set, no version of this component runs.</summary>
    public bool Disabled { get; set; }
}
