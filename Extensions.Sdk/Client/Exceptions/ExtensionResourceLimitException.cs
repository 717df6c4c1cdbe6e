namespace ExtensibilityHost.Sdk.Client;

/// <summary>The extension needed more memory (<c>out-of-memory</c>, 507) or fuel (<c>out-of-fuel</c>, 508) than its limit.</summary>
public sealed class ExtensionResourceLimitException(ExtensibilityHostProblem problem) : ExtensionCallFailedException(problem);
