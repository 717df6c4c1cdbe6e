namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>The kind of a feature gate.</summary>
public enum WitGateKind
{
    /// <summary><c>@since(version = x.y.z)</c>.</summary>
    Since,

    /// <summary><c>@unstable(feature = name)</c>.</summary>
    Unstable,

    /// <summary><c>@deprecated(version = x.y.z)</c>.</summary>
    Deprecated,
}
