using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Compilation;

/// <summary>What an <see cref="IComponentCompiler"/> made of a binary: a compiled component, Wasmtime's refusal, or a budget exceeded.</summary>
internal sealed record CompileResult
{
    /// <summary>The compiled component; null when refused or stopped.</summary>
    public CompiledComponent? Compiled { get; init; }

    /// <summary>The serialized artifact of <see cref="Compiled"/> when the compiler produced one (the worker does), so the artifact cache need not serialize it again.</summary>
    public byte[]? Artifact { get; init; }

    /// <summary>Wasmtime rejected the binary.</summary>
    public ComponentLoadError? LoadError { get; init; }

    /// <summary>The compilation was stopped at a budget.</summary>
    public CompileBudgetExceeded? BudgetExceeded { get; init; }
}
