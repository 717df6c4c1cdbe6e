namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>
/// The key-value store of a shadow run: reads see the tenant's real entries, writes and deletes
/// stay in this overlay and are dropped with it, so a shadow run changes nothing. The entry cap
/// is the real store's business and is not applied to overlay writes.
/// </summary>
internal sealed class OverlayKeyValueStore(IKeyValueStore underlying) : IKeyValueStore
{
    private readonly Dictionary<(KeyValueScope, string), byte[]?> _changes = [];
    private readonly Lock _lock = new();

    public byte[]? Get(KeyValueScope scope, string key)
    {
        lock (_lock)
        {
            if (_changes.TryGetValue((scope, key), out var changed))
            {
                return changed;
            }
        }

        return underlying.Get(scope, key);
    }

    public string? Set(KeyValueScope scope, string key, byte[] value)
    {
        lock (_lock)
        {
            _changes[(scope, key)] = value;
        }

        return null;
    }

    public void Delete(KeyValueScope scope, string key)
    {
        lock (_lock)
        {
            _changes[(scope, key)] = null;
        }
    }
}
