namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A feature gate before an item: <c>@since(version = 1.2.0)</c>, <c>@unstable(feature = x)</c> or <c>@deprecated(version = 1.3.0)</c>.</summary>
public sealed class WitGate : WitNode
{
    /// <summary>Creates the gate.</summary>
    /// <param name="location">Where the gate is.</param>
    /// <param name="kind">Which gate.</param>
    /// <param name="version">The version of <c>@since</c> and <c>@deprecated</c>.</param>
    /// <param name="feature">The feature of <c>@unstable</c>.</param>
    public WitGate(WitLocation location, WitGateKind kind, WitVersion? version, string? feature)
        : base(location)
    {
        Kind = kind;
        Version = version;
        Feature = feature;
    }

    /// <summary>Which gate.</summary>
    public WitGateKind Kind { get; }

    /// <summary>The version of <c>@since</c> and <c>@deprecated</c>; <see langword="null"/> for <c>@unstable</c>.</summary>
    public WitVersion? Version { get; }

    /// <summary>The feature of <c>@unstable</c>; <see langword="null"/> otherwise.</summary>
    public string? Feature { get; }
}
