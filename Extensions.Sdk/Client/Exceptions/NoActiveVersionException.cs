namespace ExtensibilityHost.Sdk.Client;

/// <summary>The component has no approved (active) version to run (<c>no-active-version</c>, 409).</summary>
public sealed class NoActiveVersionException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem);
