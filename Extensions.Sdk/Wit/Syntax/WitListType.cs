namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>list&lt;T&gt;</c>, or the fixed-length <c>list&lt;T, N&gt;</c>.</summary>
public sealed class WitListType : WitTypeRef
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="element">The element type.</param>
    /// <param name="length">The fixed length, or <see langword="null"/> for a list of any length.</param>
    public WitListType(WitLocation location, WitTypeRef element, int? length)
        : base(location)
    {
        Element = element;
        Length = length;
    }

    /// <summary>The element type.</summary>
    public WitTypeRef Element { get; }

    /// <summary>The fixed length, or <see langword="null"/> for a list of any length.</summary>
    public int? Length { get; }
}
