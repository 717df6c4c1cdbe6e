namespace ExtensibilityHost.Sdk.Client;

/// <summary>A tenant key on an admin route (<c>forbidden</c>, 403).</summary>
public sealed class PermissionDeniedException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem);
