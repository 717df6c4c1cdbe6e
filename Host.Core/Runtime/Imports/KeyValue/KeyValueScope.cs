namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>The namespace of a key-value entry: one tenant's one component.</summary>
/// <param name="TenantId">The owning tenant.</param>
/// <param name="ComponentName">The owning component.</param>
public readonly record struct KeyValueScope(string TenantId, string ComponentName);
