namespace ExtensibilityHost.Core.Invocations.Health;

/// <summary>What a health statistic reads of one invocation.</summary>
/// <param name="Outcome">The outcome's wire name.</param>
/// <param name="DurationMs">Its duration.</param>
public readonly record struct InvocationSample(string Outcome, double DurationMs);
