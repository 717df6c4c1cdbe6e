namespace ExtensibilityHost.Sdk.Wit;

/// <summary>An error found in WIT source: where it is and what was wrong (or what was expected there).</summary>
public sealed class WitDiagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="location">Where the problem is.</param>
    /// <param name="message">What is wrong, e.g. <c>expected ':' after field name 'sku', found 'u32'</c>.</param>
    public WitDiagnostic(WitLocation location, string message)
    {
        Location = location;
        Message = message;
    }

    /// <summary>Where the problem is.</summary>
    public WitLocation Location { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Message { get; }

    /// <summary>Formats the diagnostic as <c>file:line:column: message</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Location}: {Message}";
}
