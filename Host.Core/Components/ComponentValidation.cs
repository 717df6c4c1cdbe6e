using ExtensibilityHost.Core.Compilation;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// What <see cref="ComponentValidator"/> found: a load error, a compilation stopped at its budget, or
/// a compiled component with its description and world check.
/// </summary>
public sealed record ComponentValidation
{
    /// <summary>Why the bytes are not a usable component at all; null when they compiled.</summary>
    public ComponentLoadError? LoadError { get; init; }

    /// <summary>The compilation was stopped at its time or memory budget; null when it finished.</summary>
    public CompileBudgetExceeded? BudgetExceeded { get; init; }

    /// <summary>The compiled component (reuse it: compiling a large guest takes seconds).</summary>
    public CompiledComponent? Compiled { get; init; }

    /// <summary>The serialized artifact of <see cref="Compiled"/>, when a compile worker produced it.</summary>
    internal byte[]? Artifact { get; init; }

    /// <summary>Imports and exports with signatures.</summary>
    public ComponentDescription? Description { get; init; }

    /// <summary>The world check against the catalog.</summary>
    public ConformanceResult? Conformance { get; init; }

    /// <summary>Compiled, and it implements at least one world with only imports the host provides.</summary>
    public bool IsValid => LoadError is null && BudgetExceeded is null && Conformance is { Conforms: true };
}
