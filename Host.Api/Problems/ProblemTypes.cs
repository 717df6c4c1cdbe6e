namespace ExtensibilityHost.Api.Problems;

/// <summary>
/// The stable <c>type</c> URI of every failure class the API reports (RFC 9457). Clients switch on
/// these; they never change meaning. Documented in docs/api.md.
/// </summary>
internal static class ProblemTypes
{
    private const string Base = "https://extensibilityhost.dev/problems/";

    public const string ValidationFailed = Base + "validation-failed";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string Conflict = Base + "conflict";
    public const string RateLimited = Base + "rate-limited";
    public const string ConcurrencyLimited = Base + "concurrency-limited";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string InvalidContentEncoding = Base + "content-encoding-invalid";
    public const string InternalError = Base + "internal-error";

    public const string ComponentEmpty = Base + "component-empty";
    public const string ComponentNotWasm = Base + "component-not-wasm";
    public const string ComponentIsCoreModule = Base + "component-is-core-module";
    public const string ComponentTruncated = Base + "component-truncated";
    public const string ComponentUnsupportedVersion = Base + "component-unsupported-version";
    public const string ComponentInvalid = Base + "component-invalid";
    public const string ComponentWorldMismatch = Base + "component-world-mismatch";
    public const string ComponentWasiNotAllowed = Base + "component-wasi-not-allowed";
    public const string ComponentCompileBudgetExceeded = Base + "component-compile-budget-exceeded";

    public const string VersionStateConflict = Base + "version-state-conflict";
    public const string NoActiveVersion = Base + "no-active-version";
    public const string TenantDisabled = Base + "tenant-disabled";
    public const string ComponentDisabled = Base + "component-disabled";
    public const string ArgumentMismatch = Base + "argument-mismatch";
    public const string ExportNotFound = Base + "export-not-found";
    public const string ExtensionPointNotBound = Base + "extension-point-not-bound";
    public const string InvalidOutput = Base + "invalid-output";

    public const string GuestError = Base + "guest-error";
    public const string Timeout = Base + "timeout";
    public const string OutOfFuel = Base + "out-of-fuel";
    public const string OutOfMemory = Base + "out-of-memory";
    public const string Trap = Base + "trap";
    public const string HostError = Base + "host-error";

    /// <summary>The metric label of a problem type: its last segment, or <c>other</c> for a type that is not one of these.</summary>
    public static string Label(string? type) =>
        type is not null && type.StartsWith(Base, StringComparison.Ordinal) ? type[Base.Length..] : "other";
}
