namespace ExtensibilityHost.Sdk.Client;

/// <summary>The host failed while running the extension (`host-error`, 500).</summary>
public sealed class ExtensionHostErrorException(ExtensibilityHostProblem problem) : ExtensionCallFailedException(problem);
