using ExtensibilityHost.Core.Runtime.Imports.Config;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>The in-memory source, except that the key <c>explode</c> faults, as a broken database would.</summary>
internal sealed class TestConfigSource(InMemoryConfigSource inner) : IConfigSource
{
    public string? Get(string tenantId, string componentName, string key) =>
        key == "explode" ? throw new InvalidOperationException("config store unavailable") : inner.Get(tenantId, componentName, key);
}
