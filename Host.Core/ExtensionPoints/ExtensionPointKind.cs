namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>What a point calls.</summary>
public enum ExtensionPointKind
{
    /// <summary>A function of a domain WIT interface (e.g. <c>acme:shop/pricing@1.0.0</c> <c>discount</c>), with typed input and output.</summary>
    Typed,

    /// <summary>
    /// The generic world: <c>saas:extensibility/extension-point@1.0.0</c> <c>invoke(point, input)</c>, with the
    /// input and output as JSON text.
    /// </summary>
    Generic,
}
