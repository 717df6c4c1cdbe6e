namespace ExtensibilityHost.Sdk.Client;

/// <summary>The extension ran past its deadline (`timeout`, 504).</summary>
public sealed class ExtensionTimeoutException(ExtensibilityHostProblem problem) : ExtensionCallFailedException(problem);
