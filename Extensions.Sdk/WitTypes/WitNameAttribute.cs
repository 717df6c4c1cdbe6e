namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>
/// The WIT name (kebab-case, as declared) of a generated type, property, enum member, variant case,
/// client or host interface. The generated converters do not read it; it is there for tools and
/// reflection (e.g. a JSON mapping with the WIT field names).
/// </summary>
/// <param name="name">The WIT name, e.g. <c>unit-price-cents</c>, or <c>acme:shop/pricing@1.0.0</c> for an interface.</param>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Interface | AttributeTargets.Enum | AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Method)]
public sealed class WitNameAttribute(string name) : Attribute
{
    /// <summary>The WIT name.</summary>
    public string Name { get; } = name;
}
