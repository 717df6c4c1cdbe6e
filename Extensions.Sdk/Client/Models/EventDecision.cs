namespace ExtensibilityHost.Sdk.Client;

/// <summary>One sync handler's decision about a published event.</summary>
/// <param name="Component">The handler.</param>
/// <param name="Decision"><c>proceed</c>, <c>veto</c>, <c>replace</c>, or <c>failed</c>.</param>
/// <param name="Reason">A veto's reason, or why the handler failed.</param>
/// <param name="Outcome">The call's outcome wire name.</param>
/// <param name="InvocationId">The call in the invocation log.</param>
/// <param name="StoppedTheOperation">Whether this decision stopped the operation (a veto, or a fail-closed failure).</param>
public sealed record EventDecision(string Component, string Decision, string? Reason, string? Outcome, Guid? InvocationId, bool StoppedTheOperation);
