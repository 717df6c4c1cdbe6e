using ExtensibilityHost.Core.Components;
using static ExtensibilityHost.Core.Components.SaasExtensibilityWorlds;

namespace ExtensibilityHost.Core.Tests.Components;

/// <summary>
/// The example domain package <c>acme:shop@1.0.0</c> (wit/examples/acme-shop/shop.wit) in C#, as
/// an application registers its own extension worlds: an example, so it lives in the tests, not
/// in the product's <see cref="WorldCatalog.Default"/>.
/// </summary>
internal static class AcmeShopWorlds
{
    private static readonly WitType Tier = WitType.EnumOf("standard", "silver", "gold");

    private static readonly WitType Customer = WitType.RecordOf(
        ("id", WitType.String),
        ("tier", Tier),
        ("country", WitType.OptionOf(WitType.String)));

    private static readonly WitType LineItem = WitType.RecordOf(
        ("sku", WitType.String),
        ("quantity", WitType.U32),
        ("unit-price-cents", WitType.U64));

    private static readonly WitType Cart = WitType.RecordOf(
        ("customer", Customer),
        ("lines", WitType.ListOf(LineItem)),
        ("coupon", WitType.OptionOf(WitType.String)));

    private static readonly WitType CartDiscount = WitType.VariantOf(("none", null), ("percent", WitType.U8), ("amount-cents", WitType.U64));

    private static readonly WitType Quote = WitType.RecordOf(
        ("discount", CartDiscount),
        ("skus", WitType.ListOf(WitType.String)),
        ("note", WitType.OptionOf(WitType.String)));

    public static readonly InterfaceDefinition Pricing = InterfaceDefinition.Create(
        "acme:shop/pricing@1.0.0",
        Func("discount", WitType.ResultOf(Quote, WitType.String), ("cart", Cart)));

    public static readonly WorldDefinition PricingExtension = new(
        "acme:shop/pricing-extension@1.0.0",
        [Logging],
        [Pricing]);

    /// <summary>The platform's worlds plus the example domain world, as the application registers them.</summary>
    public static readonly WorldCatalog Catalog = new([.. WorldCatalog.Default.Worlds, PricingExtension]);
}
