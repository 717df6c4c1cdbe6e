namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A node of a parsed WIT file. Nodes are compared by reference: each is one place in one file.</summary>
public abstract class WitNode
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    protected WitNode(WitLocation location)
    {
        Location = location ?? throw new ArgumentNullException(nameof(location));
    }

    /// <summary>Where the node is in its file.</summary>
    public WitLocation Location { get; }
}
