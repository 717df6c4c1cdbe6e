namespace ExtensibilityHost.Sdk.Client;

/// <summary>The extension's output could not be read as its declared type or as JSON (`invalid-output`, 502).</summary>
public sealed class ExtensionInvalidOutputException(ExtensibilityHostProblem problem) : ExtensionCallFailedException(problem);
