namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>A component value that does not fit the WIT type generated code expected (an unknown case, a missing field, a wrong tuple length).</summary>
public sealed class WitValueException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WitValueException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What did not fit.</param>
    public WitValueException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What did not fit.</param>
    /// <param name="innerException">The cause.</param>
    public WitValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
