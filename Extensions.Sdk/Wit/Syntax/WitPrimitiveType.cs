namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A primitive type such as <c>u32</c> or <c>string</c>.</summary>
public sealed class WitPrimitiveType : WitTypeRef
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="kind">Which primitive.</param>
    public WitPrimitiveType(WitLocation location, WitPrimitiveKind kind)
        : base(location)
    {
        Kind = kind;
    }

    /// <summary>Which primitive.</summary>
    public WitPrimitiveKind Kind { get; }
}
