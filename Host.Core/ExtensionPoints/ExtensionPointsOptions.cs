namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>
/// The registry of extension points (section <c>ExtensibilityHost:ExtensionPoints</c>, one child per
/// point, named like <c>pricing.discount</c>). Validated at start-up.
/// </summary>
/// <example>
/// <code>
/// "ExtensionPoints": {
///   "pricing.discount": { "Interface": "acme:shop/pricing@1.0.0", "Function": "discount", "TimeoutMs": 200,
///                         "MemoryMb": 32, "FailurePolicy": "FailOpen",
///                         "Default": "{\"discount\":{\"tag\":\"none\"},\"skus\":[],\"note\":null}" },
///   "orders.enrich":    { "Kind": "Generic", "TimeoutMs": 100, "FailurePolicy": "FailClosed" }
/// }
/// </code>
/// </example>
public sealed class ExtensionPointsOptions
{
    /// <summary>The configuration section the points bind from.</summary>
    public const string SectionName = "ExtensibilityHost:ExtensionPoints";

    /// <summary>The points by name: lowercase letters and digits in parts joined by <c>.</c>, <c>-</c> or <c>_</c>.</summary>
    public Dictionary<string, ExtensionPointOptions> Points { get; } = new(StringComparer.Ordinal);
}
