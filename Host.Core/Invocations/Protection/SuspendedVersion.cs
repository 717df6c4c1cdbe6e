namespace ExtensibilityHost.Core.Invocations.Protection;

/// <summary>A version the circuit breaker suspended.</summary>
/// <param name="VersionId">Its id (re-enable it by this).</param>
/// <param name="Number">Its number.</param>
/// <param name="Reason">Why it was suspended.</param>
/// <param name="Since">When (UTC).</param>
public sealed record SuspendedVersion(Guid VersionId, int Number, string? Reason, DateTime? Since);
