namespace ExtensibilityHost.Core.Components;

/// <summary>One case of a WIT <c>variant</c>.</summary>
/// <param name="Name">The case name, kebab-case as declared.</param>
/// <param name="Payload">The payload type, or <see langword="null"/> for a case without payload.</param>
public sealed record WitCase(string Name, WitType? Payload);
