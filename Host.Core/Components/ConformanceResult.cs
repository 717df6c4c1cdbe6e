using System.Collections.Immutable;

namespace ExtensibilityHost.Core.Components;

/// <summary>The outcome of <see cref="WorldConformance.Check"/>.</summary>
/// <param name="Worlds">The worlds whose required exports the component implements.</param>
/// <param name="Problems">Everything that stops the component from running in this host.</param>
public sealed record ConformanceResult(ImmutableArray<WorldDefinition> Worlds, ImmutableArray<ConformanceProblem> Problems)
{
    /// <summary>Whether the component implements at least one world and imports only what the host provides.</summary>
    public bool Conforms => Problems.IsEmpty && !Worlds.IsEmpty;
}
