using ExtensibilityHost.Core.Compilation;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using Wasmtime;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// The checks every component passes before the host accepts it, in order of cost: the binary's
/// header and section framing (garbage, core modules and truncated files are refused before
/// Cranelift runs), compilation, inspection of imports and exports, and the world check (with the
/// WASI allow-list). The host's upload and the <c>ext</c> CLI run this same code; the upload
/// compiles in a compile worker under a time and memory budget, <c>ext</c> in its own process.
/// </summary>
public sealed class ComponentValidator(SandboxEngine engine, WorldCatalog catalog, WasiPolicy wasi)
{
    /// <summary>
    /// Validates a component binary, compiling it through <paramref name="cache"/> (its artifacts on
    /// disk): <c>ext</c> checks the same file again and again, and a 12 MB guest compiles once.
    /// </summary>
    public async Task<ComponentValidation> ValidateAsync(byte[] bytes, CompiledComponentCache cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(cache);
        if (ComponentBinary.Check(bytes).Error is { } error)
        {
            return new ComponentValidation { LoadError = error };
        }

        CompiledComponent compiled;
        try
        {
            compiled = await cache.PrecompileAsync(bytes, cancellationToken);
        }
        catch (WasmtimeException exception)
        {
            return new ComponentValidation { LoadError = ComponentLoadError.FromCompileFailure(exception) };
        }

        return Describe(compiled);
    }

    /// <summary>Validates a component binary, compiling it with <paramref name="compiler"/> (the upload's: a worker under budgets).</summary>
    internal async Task<ComponentValidation> ValidateAsync(ReadOnlyMemory<byte> bytes, IComponentCompiler compiler, CancellationToken cancellationToken)
    {
        if (ComponentBinary.Check(bytes.Span).Error is { } error)
        {
            return new ComponentValidation { LoadError = error };
        }

        var result = await compiler.CompileAsync(bytes, cancellationToken);
        if (result.LoadError is { } loadError)
        {
            return new ComponentValidation { LoadError = loadError };
        }

        if (result.BudgetExceeded is { } exceeded)
        {
            return new ComponentValidation { BudgetExceeded = exceeded };
        }

        return Describe(result.Compiled!) with { Artifact = result.Artifact };
    }

    private ComponentValidation Describe(CompiledComponent compiled)
    {
        var description = engine.Inspect(compiled);
        return new ComponentValidation
        {
            Compiled = compiled,
            Description = description,
            Conformance = WorldConformance.Check(description, catalog, wasi),
        };
    }
}
