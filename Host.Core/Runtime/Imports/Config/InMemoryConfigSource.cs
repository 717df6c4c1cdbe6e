using System.Collections.Concurrent;

namespace ExtensibilityHost.Core.Runtime.Imports.Config;

/// <summary>A process-local <see cref="IConfigSource"/>, filled by <see cref="Set"/>.</summary>
public sealed class InMemoryConfigSource : IConfigSource
{
    private readonly ConcurrentDictionary<(string Tenant, string Component, string Key), string> _settings = new();

    /// <inheritdoc/>
    public string? Get(string tenantId, string componentName, string key) =>
        _settings.TryGetValue((tenantId, componentName, key), out var value) ? value : null;

    /// <summary>Sets a setting for one tenant's component.</summary>
    public void Set(string tenantId, string componentName, string key, string value) =>
        _settings[(tenantId, componentName, key)] = value;
}
