namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>A call through an <c>IWitInvoker</c> (or an in-process <see cref="IWitJsonInvoker"/>) that did not return a value (a trap, a timeout, a refusal); a WIT <c>err</c> is not one.</summary>
public sealed class WitInvocationException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WitInvocationException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened, e.g. <c>timeout: the call passed its deadline</c>.</param>
    public WitInvocationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public WitInvocationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
