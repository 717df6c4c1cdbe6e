using System.ComponentModel.DataAnnotations;

namespace ExtensibilityHost.Core.Caching;

/// <summary>
/// Per-node caches of routing state (section <c>ExtensibilityHost:Caching</c>): what an event's
/// subscriptions are, which version of a component runs and whether it may, its settings and the
/// extension-point bindings. A change made through this node is seen by its very next call; a
/// change made through another node sharing the database is seen within <see cref="PollInterval"/>
/// (plus one short query). Validated at start-up.
/// </summary>
public sealed class CachingOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:Caching";

    /// <summary>Whether routing state is cached at all; off, every call and event reads the database, as before 1.1.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How often the node reads the database's change stamp (<see cref="ChangeStamp"/>): the bound on
    /// how stale another node's change can be here. At most one second.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How long any cached entry may live even when the stamp does not move: a safety net for a
    /// change whose stamp was lost (the process died between the change and its stamp).
    /// </summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most entries one cache holds; past it, new entries are read but not kept until the next invalidation.</summary>
    [Range(16, 10_000_000)]
    public int MaxEntries { get; set; } = 100_000;
}
