namespace ExtensibilityHost.Core.Components;

/// <summary>
/// A JSON value that does not fit its WIT type (or a component value that does not fit its
/// declared type). The message names the argument and the JSON path, e.g.
/// <c>argument 'cart' at $.lines[2].quantity: expected u32, got string "x"</c>.
/// </summary>
public sealed class WitJsonException : Exception
{
    internal WitJsonException(string subject, string jsonPath, string problem)
        : base(Compose(subject, jsonPath, problem))
    {
        Subject = subject;
        JsonPath = jsonPath;
        Problem = problem;
    }

    /// <summary>What was being converted, e.g. <c>argument 'cart'</c> or <c>arguments</c>.</summary>
    public string Subject { get; }

    /// <summary>Where inside the subject's JSON, e.g. <c>$.lines[2].quantity</c>; <c>$</c> is the subject itself.</summary>
    public string JsonPath { get; }

    /// <summary>The mismatch alone, e.g. <c>expected u32, got string "x"</c>.</summary>
    public string Problem { get; }

    private static string Compose(string subject, string jsonPath, string problem) =>
        subject.Length == 0 ? $"at {jsonPath}: {problem}" : $"{subject} at {jsonPath}: {problem}";
}
