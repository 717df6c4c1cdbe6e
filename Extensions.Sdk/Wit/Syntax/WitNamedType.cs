namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A type named by an identifier: a type defined or <c>use</c>d in the enclosing interface or world.</summary>
public sealed class WitNamedType : WitTypeRef
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written.</param>
    public WitNamedType(WitLocation location, string name)
        : base(location)
    {
        Name = name;
    }

    /// <summary>The name as written.</summary>
    public string Name { get; }
}
