namespace ExtensibilityHost.Sdk.Client;

/// <summary>A kill switch is on: the tenant (<c>tenant-disabled</c>) or the component (<c>component-disabled</c>), 423.</summary>
public sealed class ExtensionDisabledException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem);
