namespace ExtensibilityHost.Core.Compilation;

/// <summary>Compiles uploaded component binaries for the process's <see cref="Runtime.SandboxEngine"/>.</summary>
internal interface IComponentCompiler
{
    /// <summary>Compiles <paramref name="bytes"/>, which passed <see cref="Components.ComponentBinary.Check"/>.</summary>
    Task<CompileResult> CompileAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}
