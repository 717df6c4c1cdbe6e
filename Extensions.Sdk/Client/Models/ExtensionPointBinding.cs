namespace ExtensibilityHost.Sdk.Client;

/// <summary>Which of the tenant's components serves an extension point.</summary>
public sealed record ExtensionPointBinding(string Point, string Component);
