namespace ExtensibilityHost.Core.Runtime.Imports.Config;

/// <summary>What <see cref="SettingsEditor.SetAsync"/> did.</summary>
public enum SettingWriteStatus
{
    /// <summary>The setting did not exist and was created.</summary>
    Created,

    /// <summary>The setting existed and its value was replaced.</summary>
    Updated,

    /// <summary>The tenant does not exist; nothing was written.</summary>
    TenantNotFound,

    /// <summary>The tenant has no component of that name; nothing was written (a setting no component can read is a typo).</summary>
    ComponentNotFound,
}
