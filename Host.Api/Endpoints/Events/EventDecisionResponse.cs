namespace ExtensibilityHost.Api.Endpoints.Events;

/// <summary>One sync handler's decision, in the order the handlers ran.</summary>
internal sealed record EventDecisionResponse(
    string Component, string Decision, string? Reason, string? Outcome, Guid? InvocationId, bool StoppedTheOperation);
