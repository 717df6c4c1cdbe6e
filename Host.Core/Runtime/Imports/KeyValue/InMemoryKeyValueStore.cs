using System.Collections.Concurrent;

namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>
/// A process-local <see cref="IKeyValueStore"/>: entries live as long as the process. Used by
/// <c>ext run</c> and until a database-backed store is registered.
/// </summary>
public sealed class InMemoryKeyValueStore(KeyValueOptions options) : IKeyValueStore
{
    private readonly ConcurrentDictionary<KeyValueScope, ConcurrentDictionary<string, byte[]>> _scopes = new();

    /// <inheritdoc/>
    public byte[]? Get(KeyValueScope scope, string key) =>
        _scopes.TryGetValue(scope, out var entries) && entries.TryGetValue(key, out var value) ? value : null;

    /// <inheritdoc/>
    public string? Set(KeyValueScope scope, string key, byte[] value)
    {
        var entries = _scopes.GetOrAdd(scope, static _ => new ConcurrentDictionary<string, byte[]>(StringComparer.Ordinal));
        lock (entries)
        {
            if (!entries.ContainsKey(key) && entries.Count >= options.MaxEntriesPerComponent)
            {
                return $"entry limit reached: a component may hold at most {options.MaxEntriesPerComponent} keys";
            }

            entries[key] = value;
            return null;
        }
    }

    /// <inheritdoc/>
    public void Delete(KeyValueScope scope, string key)
    {
        if (_scopes.TryGetValue(scope, out var entries))
        {
            entries.TryRemove(key, out _);
        }
    }
}
