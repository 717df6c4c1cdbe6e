namespace ExtensibilityHost.Core.Components;

/// <summary>A named, typed slot: a record field or a function parameter.</summary>
/// <param name="Name">The WIT name, kebab-case as declared (for example <c>event-type</c>).</param>
/// <param name="Type">The field's type.</param>
public sealed record WitField(string Name, WitType Type);
