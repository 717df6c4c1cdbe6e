namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>future&lt;T&gt;</c> or <c>future</c>.</summary>
public sealed class WitFutureType : WitTypeRef
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="payload">The payload type, if any.</param>
    public WitFutureType(WitLocation location, WitTypeRef? payload)
        : base(location)
    {
        Payload = payload;
    }

    /// <summary>The payload type, if any.</summary>
    public WitTypeRef? Payload { get; }
}
