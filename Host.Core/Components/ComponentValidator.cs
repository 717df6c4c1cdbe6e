using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using Wasmtime;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// The checks every component passes before the host accepts it, in order of cost: the binary's
/// header and section framing (garbage, core modules and truncated files are refused before
/// Cranelift runs), compilation, inspection of imports and exports, and the world check (with the
/// WASI allow-list). The host's upload and the <c>ext</c> CLI run this same code.
/// </summary>
public sealed class ComponentValidator(SandboxEngine engine, WorldCatalog catalog, WasiPolicy wasi)
{
    /// <summary>Validates a component binary. Compiles it: slow for big guests, so run it off request threads.</summary>
    public ComponentValidation Validate(ReadOnlySpan<byte> bytes)
    {
        var check = ComponentBinary.Check(bytes);
        if (check.Error is { } error)
        {
            return new ComponentValidation { LoadError = error };
        }

        CompiledComponent compiled;
        try
        {
            compiled = engine.Compile(bytes);
        }
        catch (WasmtimeException exception)
        {
            return new ComponentValidation { LoadError = ComponentLoadError.FromCompileFailure(exception) };
        }

        var description = engine.Inspect(compiled);
        return new ComponentValidation
        {
            Compiled = compiled,
            Description = description,
            Conformance = WorldConformance.Check(description, catalog, wasi),
        };
    }
}
