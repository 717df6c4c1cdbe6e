namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>option&lt;T&gt;</c>.</summary>
public sealed class WitOptionType : WitTypeRef
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="inner">The type of the <c>some</c> payload.</param>
    public WitOptionType(WitLocation location, WitTypeRef inner)
        : base(location)
    {
        Inner = inner;
    }

    /// <summary>The type of the <c>some</c> payload.</summary>
    public WitTypeRef Inner { get; }
}
