namespace ExtensibilityHost.Core.Runtime.Imports.Config;

/// <summary>A setting an admin configured for one tenant's component, read through the <c>config</c> import.</summary>
public sealed class ComponentSetting
{
    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The component.</summary>
    public required string ComponentName { get; init; }

    /// <summary>The setting's name.</summary>
    public required string Key { get; init; }

    /// <summary>The value.</summary>
    public required string Value { get; set; }

    /// <summary>When it was last set (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
