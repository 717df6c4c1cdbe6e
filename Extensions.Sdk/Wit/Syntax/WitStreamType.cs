namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>stream&lt;T&gt;</c> or <c>stream</c>.</summary>
public sealed class WitStreamType : WitTypeRef
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="payload">The element type, if any.</param>
    public WitStreamType(WitLocation location, WitTypeRef? payload)
        : base(location)
    {
        Payload = payload;
    }

    /// <summary>The element type, if any.</summary>
    public WitTypeRef? Payload { get; }
}
