using System.Collections.Immutable;

namespace ExtensibilityHost.Core.Components;

/// <summary>A WIT world the host serves: what it provides to a component and what it requires from it.</summary>
/// <param name="Name">The fully qualified world name, e.g. <c>saas:extensibility/event-extension@1.0.0</c>.</param>
/// <param name="Imports">
/// The interfaces the host provides to components of this world, including type-only interfaces
/// that a component imports implicitly because an exported interface <c>use</c>s their types.
/// </param>
/// <param name="Exports">The interfaces a component must export to implement this world.</param>
public sealed record WorldDefinition(string Name, ImmutableArray<InterfaceDefinition> Imports, ImmutableArray<InterfaceDefinition> Exports);
