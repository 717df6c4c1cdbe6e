namespace ExtensibilityHost.Sdk.Client;

/// <summary>The extension trapped (<c>trap</c>, 502): a panic, an <c>unreachable</c>, a stack overflow, an out-of-bounds access.</summary>
public sealed class ExtensionTrapException(ExtensibilityHostProblem problem) : ExtensionCallFailedException(problem)
{
    /// <summary>The trap kind's wire name, e.g. <c>unreachable</c>, <c>stack-overflow</c>.</summary>
    public string? Trap => Problem.Member("trap")?.GetString();
}
