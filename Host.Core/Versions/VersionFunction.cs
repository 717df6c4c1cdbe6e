namespace ExtensibilityHost.Core.Versions;

/// <summary>A function of an imported or exported interface, with its signature as WIT-like text.</summary>
/// <param name="Name">The function name.</param>
/// <param name="Signature">E.g. <c>func(level: enum { trace, debug, info, warn, error }, message: string)</c>.</param>
public sealed record VersionFunction(string Name, string Signature);
