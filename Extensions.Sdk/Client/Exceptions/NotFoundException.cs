namespace ExtensibilityHost.Sdk.Client;

/// <summary>
/// 404: no such tenant, component, version, delivery or invocation (or one this key may not see,
/// <c>not-found</c>), no component bound to the extension point (<c>extension-point-not-bound</c>),
/// or no such export (<c>export-not-found</c>).
/// </summary>
public sealed class NotFoundException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem);
