namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>A persisted <c>key-value</c> entry of one tenant's component.</summary>
public sealed class KeyValueEntry
{
    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The owning component.</summary>
    public required string ComponentName { get; init; }

    /// <summary>The key.</summary>
    public required string Key { get; init; }

    /// <summary>The value.</summary>
    public required byte[] Value { get; set; }

    /// <summary>When it was last written (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
