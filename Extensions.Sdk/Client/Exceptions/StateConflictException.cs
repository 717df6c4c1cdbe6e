namespace ExtensibilityHost.Sdk.Client;

/// <summary>The resource exists already or is not in the state the request needs (<c>conflict</c>, <c>version-state-conflict</c>, 409).</summary>
public sealed class StateConflictException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem);
