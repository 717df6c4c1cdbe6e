using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Caching;

/// <summary>
/// The generation of this node's caches, and the way every change to routing state announces
/// itself: <see cref="StampAsync"/> adds one to the database's <see cref="ChangeStamp"/> (other
/// nodes' <see cref="ChangePoller"/> notice within their poll interval) and starts a new generation
/// here at once. Every <see cref="NodeCache{TKey, TValue}"/> drops what it holds when the
/// generation moves.
/// </summary>
public sealed class HostChanges(IOptions<CachingOptions> options)
{
    private long _generation;

    /// <summary>The current generation; an entry read under an older one is not kept.</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>Whether caching is on (<see cref="CachingOptions.Enabled"/>).</summary>
    public bool Enabled => options.Value.Enabled;

    /// <summary>The most entries one cache keeps.</summary>
    internal int MaxEntries => options.Value.MaxEntries;

    /// <summary>
    /// Records a change to routing state on <paramref name="db"/> — inside the caller's transaction
    /// when it has one, so the stamp commits with the change — and invalidates this node's caches.
    /// Call it after the change's own statements; a caller with a transaction calls
    /// <see cref="Invalidate"/> again after committing, so no read in between is kept.
    /// </summary>
    public async Task StampAsync(HostDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.ChangeStamps
            .Where(s => s.Id == ChangeStamp.SingletonId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.Value, s => s.Value + 1), cancellationToken);
        Invalidate();
    }

    /// <summary>Starts a new generation: every cache of this node reads the database again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);
}
