using System.ComponentModel.DataAnnotations;

namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>
/// Protection of the host from tenant code (section <c>ExtensibilityHost:Invocations</c>): the
/// per-tenant concurrency limit and the circuit breaker. Validated at start-up.
/// </summary>
public sealed class InvocationOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:Invocations";

    /// <summary>
    /// How many calls of one tenant's code may run at once. Each running call holds a thread-pool
    /// thread for up to its timeout, so this is what keeps one tenant's slow code from starving others.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrencyPerTenant { get; set; } = 4;

    /// <summary>Per-tenant overrides of <see cref="MaxConcurrencyPerTenant"/>, by tenant id (e.g. for a bigger plan).</summary>
    public Dictionary<string, int> TenantConcurrency { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The most invocation records written in one transaction. Records queue while a batch is
    /// written, so under load each commit carries many of them.
    /// </summary>
    [Range(1, 10_000)]
    public int LogBatchSize { get; set; } = 512;

    /// <summary>
    /// How many records may wait for the writer; when the database falls this far behind, calls
    /// wait for room instead of the queue growing without bound.
    /// </summary>
    [Range(1, 1_000_000)]
    public int LogQueueCapacity { get; set; } = 16_384;

    /// <summary>
    /// How long the writer lets records gather after the first one arrives before it writes them
    /// (0: at once — batches still form while the previous one commits). A longer delay means
    /// fewer, larger transactions, and more records lost if the process dies. A failure (whose call
    /// waits for its record) or a reader's flush cuts the delay short.
    /// </summary>
    public TimeSpan LogBatchDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Failed invocations in a row after which a version is suspended automatically.</summary>
    [Range(1, 10_000)]
    public int FailuresBeforeSuspension { get; set; } = 5;

    /// <summary>
    /// Whether an <c>err</c> the component returned itself (<c>guest-error</c>) counts as a failure for
    /// the circuit breaker. On by default: a component that answers every call with an error fails
    /// its callers as surely as one that traps, and a single success resets the count, so occasional
    /// business errors never trip it. Turn it off when a point's errors are routine answers.
    /// </summary>
    public bool GuestErrorsCountAsFailures { get; set; } = true;

    /// <summary>
    /// Whether each invocation's input (the export and its arguments as WIT JSON) is kept in the
    /// invocation log, capped and redacted, so a shadow run at review can replay it against a
    /// pending version.
    /// </summary>
    public bool RecordInputs { get; set; } = true;

    /// <summary>The largest input kept, in bytes of JSON; a larger input is not recorded (and not replayable).</summary>
    [Range(0, 1024 * 1024)]
    public int MaxRecordedInputBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// JSON property names whose values are replaced by <c>"[redacted]"</c> before an input is
    /// recorded — anywhere in the arguments, including inside JSON text such as an event's payload.
    /// Compared ignoring case, <c>-</c> and <c>_</c>. <see langword="null"/> (not configured) means
    /// <see cref="DefaultRedactedFields"/>; a configured list replaces it.
    /// </summary>
    public IList<string>? RedactedFields { get; set; }

    /// <summary>Redacted unless configured otherwise.</summary>
    public static IReadOnlyList<string> DefaultRedactedFields { get; } =
        ["password", "secret", "token", "apiKey", "authorization", "cardNumber", "cvv", "iban", "ssn"];

    /// <summary>The concurrency limit of <paramref name="tenantId"/>.</summary>
    public int ConcurrencyLimitOf(string tenantId) =>
        TenantConcurrency.TryGetValue(tenantId, out var limit) ? limit : MaxConcurrencyPerTenant;
}
