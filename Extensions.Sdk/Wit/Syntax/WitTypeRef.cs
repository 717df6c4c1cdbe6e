namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A reference to a type where a type is expected: a primitive, a generic such as <c>list&lt;T&gt;</c>, a handle, or a name.</summary>
public abstract class WitTypeRef : WitNode
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    protected WitTypeRef(WitLocation location)
        : base(location)
    {
    }
}
