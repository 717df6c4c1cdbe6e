namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A named parameter of a function.</summary>
public sealed class WitParameter : WitNode
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The parameter name.</param>
    /// <param name="type">The parameter type.</param>
    public WitParameter(WitLocation location, string name, WitTypeRef type)
        : base(location)
    {
        Name = name;
        Type = type;
    }

    /// <summary>The parameter name.</summary>
    public string Name { get; }

    /// <summary>The parameter type.</summary>
    public WitTypeRef Type { get; }
}
