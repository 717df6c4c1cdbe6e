namespace ExtensibilityHost.Sdk.Client;

/// <summary>No API key, or not a valid one — unknown or revoked (<c>unauthorized</c>, 401).</summary>
public sealed class AuthenticationFailedException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem);
