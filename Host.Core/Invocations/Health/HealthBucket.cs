namespace ExtensibilityHost.Core.Invocations.Health;

/// <summary>The invocations of one interval of a health series.</summary>
/// <param name="From">The interval's start (UTC).</param>
/// <param name="Stats">Its invocations.</param>
public sealed record HealthBucket(DateTime From, InvocationStats Stats);
