namespace ExtensibilityHost.Sdk.Client;

/// <summary>
/// The host answered with a problem (RFC 9457). Subclasses name the failure classes an application
/// handles differently; anything else is this type, with the <see cref="Problem"/> to inspect.
/// </summary>
public class ExtensibilityHostException : Exception
{
    /// <summary>Creates the exception for <paramref name="problem"/>.</summary>
    public ExtensibilityHostException(ExtensibilityHostProblem problem)
        : base(MessageOf(problem))
    {
        Problem = problem;
    }

    /// <summary>The problem document.</summary>
    public ExtensibilityHostProblem Problem { get; }

    /// <summary>The HTTP status.</summary>
    public int Status => Problem.Status;

    private static string MessageOf(ExtensibilityHostProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return $"{problem.Status} {problem.Name}: {problem.Detail ?? problem.Title}";
    }
}
