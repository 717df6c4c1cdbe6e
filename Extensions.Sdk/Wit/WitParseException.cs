namespace ExtensibilityHost.Sdk.Wit;

/// <summary>WIT text that does not follow the grammar: the first syntax error of a file, with its line and column.</summary>
public sealed class WitParseException : Exception
{
    /// <summary>Creates the exception for a diagnostic.</summary>
    /// <param name="diagnostic">The syntax error.</param>
    public WitParseException(WitDiagnostic diagnostic)
        : base(diagnostic?.ToString())
    {
        Diagnostic = diagnostic ?? throw new ArgumentNullException(nameof(diagnostic));
    }

    /// <summary>The syntax error.</summary>
    public WitDiagnostic Diagnostic { get; }

    /// <summary>Where the error is.</summary>
    public WitLocation Location => Diagnostic.Location;
}
