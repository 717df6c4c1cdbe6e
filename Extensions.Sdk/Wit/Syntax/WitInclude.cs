namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>include world;</c> or <c>include world with { name as alias };</c> in a world.</summary>
public sealed class WitInclude : WitNode
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="world">The included world.</param>
    /// <param name="with">Renamed imports and exports of the included world.</param>
    public WitInclude(WitLocation location, WitUsePath world, IReadOnlyList<WitUseName> with)
        : base(location)
    {
        World = world;
        With = with;
    }

    /// <summary>The included world.</summary>
    public WitUsePath World { get; }

    /// <summary>Renamed imports and exports of the included world.</summary>
    public IReadOnlyList<WitUseName> With { get; }
}
