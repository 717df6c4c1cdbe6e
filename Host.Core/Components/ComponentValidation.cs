using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Components;

/// <summary>What <see cref="ComponentValidator"/> found: a load error, or a compiled component with its description and world check.</summary>
public sealed record ComponentValidation
{
    /// <summary>Why the bytes are not a usable component at all; null when they compiled.</summary>
    public ComponentLoadError? LoadError { get; init; }

    /// <summary>The compiled component (reuse it: compiling a large guest takes seconds).</summary>
    public CompiledComponent? Compiled { get; init; }

    /// <summary>Imports and exports with signatures.</summary>
    public ComponentDescription? Description { get; init; }

    /// <summary>The world check against the catalog.</summary>
    public ConformanceResult? Conformance { get; init; }

    /// <summary>Compiled, and it implements at least one world with only imports the host provides.</summary>
    public bool IsValid => LoadError is null && Conformance is { Conforms: true };
}
