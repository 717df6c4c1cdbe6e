using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;
using Wasmtime;

namespace ExtensibilityHost.Core.Compilation;

/// <summary>
/// Compiles on the calling thread with the process's engine: no budget can stop Cranelift there.
/// Used where no compile worker is registered (an application embedding Host.Core without calling
/// <c>UseCompileWorker</c>); the host executable registers one.
/// </summary>
internal sealed class InProcessCompiler(SandboxEngine engine) : IComponentCompiler
{
    public Task<CompileResult> CompileAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult(new CompileResult { Compiled = engine.Compile(bytes.Span) });
        }
        catch (WasmtimeException exception)
        {
            return Task.FromResult(new CompileResult { LoadError = ComponentLoadError.FromCompileFailure(exception) });
        }
    }
}
