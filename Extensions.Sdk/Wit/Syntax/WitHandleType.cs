namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>borrow&lt;R&gt;</c> or <c>own&lt;R&gt;</c>. A bare resource name is a <see cref="WitNamedType"/> that resolves to a resource.</summary>
public sealed class WitHandleType : WitTypeRef
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="resource">The resource name.</param>
    /// <param name="isBorrow"><see langword="true"/> for <c>borrow</c>, <see langword="false"/> for <c>own</c>.</param>
    public WitHandleType(WitLocation location, string resource, bool isBorrow)
        : base(location)
    {
        Resource = resource;
        IsBorrow = isBorrow;
    }

    /// <summary>The resource name.</summary>
    public string Resource { get; }

    /// <summary><see langword="true"/> for <c>borrow</c>, <see langword="false"/> for <c>own</c>.</summary>
    public bool IsBorrow { get; }
}
