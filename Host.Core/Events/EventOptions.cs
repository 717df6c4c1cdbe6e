using System.ComponentModel.DataAnnotations;

namespace ExtensibilityHost.Core.Events;

/// <summary>Event dispatch and the outbox dispatcher (section <c>ExtensibilityHost:Events</c>). Validated at start-up.</summary>
public sealed class EventOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:Events";

    /// <summary>
    /// Whether this node runs the outbox dispatcher. Any number of nodes may run it against one
    /// database (deliveries are leased); turn it off on nodes that should only publish.
    /// </summary>
    public bool RunDispatcher { get; set; } = true;

    /// <summary>How long the dispatcher waits before looking again when the last pass found less than a full batch.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due deliveries one pass claims.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// How many claimed deliveries one dispatcher runs at once. Each waits for a slot under its
    /// tenant's concurrency limit, so one tenant's backlog cannot take every slot of the engine.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentDeliveries { get; set; } = 4;

    /// <summary>
    /// How long a claim lasts, renewed for each delivery as it starts. A dispatcher that dies holding a
    /// delivery delays it by at most this much; it must be longer than one delivery can take (waiting
    /// for a slot plus the call's timeout), or a slow delivery is claimed and run a second time by another node.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts (claims) after which a failing delivery is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The delay before the second attempt; each later one doubles it, with jitter, up to <see cref="BackoffMax"/>.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between two attempts.</summary>
    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a delivery waits before the next look when its component could not run at all
    /// (suspended, no active version, a kill switch on, deleted). Such a refusal is not an attempt:
    /// the subscription is stopped, not failing, so the delivery waits without ever being dead-lettered.
    /// </summary>
    public TimeSpan ParkedRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>What a failing sync handler means when its subscription does not say.</summary>
    public SyncFailurePolicy SyncFailurePolicy { get; set; } = SyncFailurePolicy.FailOpen;

    /// <summary>The largest payload, in UTF-8 bytes, of a published event or a tenant's replacement.</summary>
    [Range(2, 16 * 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 256 * 1024;
}
