namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>tuple&lt;A, B, ...&gt;</c>.</summary>
public sealed class WitTupleType : WitTypeRef
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="elements">The element types in order.</param>
    public WitTupleType(WitLocation location, IReadOnlyList<WitTypeRef> elements)
        : base(location)
    {
        Elements = elements;
    }

    /// <summary>The element types in order.</summary>
    public IReadOnlyList<WitTypeRef> Elements { get; }
}
