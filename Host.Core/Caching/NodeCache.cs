using System.Collections.Concurrent;

namespace ExtensibilityHost.Core.Caching;

/// <summary>
/// A cache of routing state on this node, emptied whenever <see cref="HostChanges"/> moves to a
/// new generation. An entry read from the database while the generation moved is used once but
/// not kept, so a change can never be hidden behind a read that started before it.
/// </summary>
/// <remarks>
/// Values are shared between threads as they are: cache only immutable values (records, arrays).
/// Concurrent misses of one key may each read the database once; that is cheaper than a lock on
/// the hot path.
/// </remarks>
public sealed class NodeCache<TKey, TValue>(HostChanges changes)
    where TKey : notnull
{
    private Entries _entries = new(-1);

    /// <summary>The cached value of <paramref name="key"/>, or what <paramref name="load"/> reads (kept while the generation holds).</summary>
    public async ValueTask<TValue> GetOrLoadAsync<TState>(
        TKey key, TState state, Func<TKey, TState, CancellationToken, Task<TValue>> load, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!changes.Enabled)
        {
            return await load(key, state, cancellationToken);
        }

        var generation = changes.Generation;
        var entries = Current(generation);
        if (entries.Map.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var loaded = await load(key, state, cancellationToken);
        Keep(entries, generation, key, loaded);
        return loaded;
    }

    /// <summary>The synchronous form of <see cref="GetOrLoadAsync{TState}"/>, for host imports (which run on the guest call's thread).</summary>
    public TValue GetOrLoad<TState>(TKey key, TState state, Func<TKey, TState, TValue> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (!changes.Enabled)
        {
            return load(key, state);
        }

        var generation = changes.Generation;
        var entries = Current(generation);
        if (entries.Map.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var loaded = load(key, state);
        Keep(entries, generation, key, loaded);
        return loaded;
    }

    private Entries Current(long generation)
    {
        var entries = Volatile.Read(ref _entries);
        if (entries.Generation == generation)
        {
            return entries;
        }

        var fresh = new Entries(generation);
        var seen = Interlocked.CompareExchange(ref _entries, fresh, entries);
        return ReferenceEquals(seen, entries) ? fresh : seen;
    }

    private void Keep(Entries entries, long generation, TKey key, TValue value)
    {
        if (changes.Generation == generation && entries.Generation == generation && entries.Map.Count < changes.MaxEntries)
        {
            entries.Map.TryAdd(key, value);
        }
    }

    private sealed class Entries(long generation)
    {
        public long Generation { get; } = generation;

        public ConcurrentDictionary<TKey, TValue> Map { get; } = new();
    }
}
