using ExtensibilityHost.Core.Components;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// The example domain world of wit/examples/acme-shop, registered the way an application registers its
/// own worlds, so the JS pricing guest (tests/guests/js/pricing) passes the upload's world check.
/// </summary>
internal static class AcmePricingWorld
{
    public const string Pricing = "acme:shop/pricing@1.0.0";

    public static WorldDefinition World { get; } = new(
        "acme:shop/pricing-extension@1.0.0",
        [WorldCatalog.Default.HostInterfaces.Single(i => i.Name == "saas:extensibility/logging@1.0.0")],
        [InterfaceDefinition.Create(Pricing)]);

    /// <summary>The platform's worlds and this one.</summary>
    public static WorldCatalog Catalog { get; } = new([.. WorldCatalog.Default.Worlds, World]);
}
