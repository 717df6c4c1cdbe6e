using System.ComponentModel.DataAnnotations;

namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>
/// Protection of the host from tenant code (section <c>ExtensibilityHost:Invocations</c>): the
/// per-tenant concurrency limit, the execution slots and their per-tenant share, the circuit
/// breaker and the invocation log. Validated at start-up.
/// </summary>
public sealed class InvocationOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:Invocations";

    /// <summary>
    /// How many calls of one tenant's code may be in flight at once on this node (waiting for an
    /// execution slot or running): a request past it is refused at once with 429, a background
    /// delivery waits. It bounds how much of the slots' queue one tenant can fill.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrencyPerTenant { get; set; } = 4;

    /// <summary>Per-tenant overrides of <see cref="MaxConcurrencyPerTenant"/>, by tenant id (e.g. for a bigger plan).</summary>
    public Dictionary<string, int> TenantConcurrency { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How many guest calls run at once on this node, each on a dedicated thread (an execution slot),
    /// never on the thread pool; other admitted calls wait for a slot. Unset: one per processor core
    /// (<see cref="Environment.ProcessorCount"/>, which honours a container's CPU limit), at least
    /// two, so running guest code never outnumbers the cores the request pipeline and health probes
    /// share with it, and one tenant's share always leaves a slot to the others. Raise it for guests
    /// that spend their calls waiting on host imports (key-value on a remote database) rather than
    /// computing.
    /// </summary>
    [Range(1, 1024)]
    public int? ExecutionSlots { get; set; }

    /// <summary>
    /// How many execution slots one tenant may hold at once. Unset: half of them, at least one. A
    /// running call cannot be pre-empted before its deadline, so this is what leaves slots — and
    /// cores — free for the other tenants when one runs endless loops: they never wait for its calls
    /// to time out. When several tenants wait, a freed slot goes to the one running the fewest calls.
    /// </summary>
    [Range(1, 1024)]
    public int? ExecutionSlotsPerTenant { get; set; }

    /// <summary>The execution slots in effect: <see cref="ExecutionSlots"/>, or one per processor core, at least two.</summary>
    public int EffectiveExecutionSlots => ExecutionSlots ?? Math.Max(2, Environment.ProcessorCount);

    /// <summary>The slots one tenant may hold: <see cref="ExecutionSlotsPerTenant"/>, or half of <see cref="EffectiveExecutionSlots"/>, at least one.</summary>
    public int EffectiveExecutionSlotsPerTenant => ExecutionSlotsPerTenant ?? Math.Max(1, EffectiveExecutionSlots / 2);

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
