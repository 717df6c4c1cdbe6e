namespace ExtensibilityHost.Core.Compilation;

/// <summary>The budgets a compilation at upload runs under (<c>ExtensibilityHost:Upload:CompileTimeout</c> and <c>CompileMemoryBytes</c>).</summary>
public enum CompileBudget
{
    /// <summary>Wall-clock time, from starting the compile worker to its answer.</summary>
    Time,

    /// <summary>The compile worker's resident memory.</summary>
    Memory,
}
