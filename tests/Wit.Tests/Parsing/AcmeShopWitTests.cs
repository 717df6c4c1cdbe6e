using ExtensibilityHost.Sdk.Wit.IO;
using ExtensibilityHost.Sdk.Wit.Parsing;
using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Wit.Tests.Parsing;

/// <summary>The parser and resolver on the example domain package, <c>wit/examples/acme-shop</c>.</summary>
public sealed class AcmeShopWitTests
{
    private static readonly string Directory = RepositoryPaths.Wit("examples/acme-shop");

    [Fact]
    public void Parse_ShopWit_FindsEveryTypeWithItsShape()
    {
        var file = WitParser.Parse("shop.wit", File.ReadAllText(Path.Combine(Directory, "shop.wit")));
        var pricing = Assert.Single(file.Interfaces);

        Assert.Equal("acme:shop@1.0.0", file.PackageName!.ToString());
        Assert.Equal(["tier", "customer", "line-item", "cart", "cart-discount", "quote"], pricing.Types.Select(t => t.Name));
        Assert.Equal(["standard", "silver", "gold"], Assert.IsType<WitEnum>(pricing.Types[0]).Cases.Select(c => c.Name));
        var customer = Assert.IsType<WitRecord>(pricing.Types[1]);
        Assert.Equal(["id", "tier", "country"], customer.Fields.Select(f => f.Name));
        Assert.Equal("tier", Assert.IsType<WitNamedType>(customer.Fields[1].Type).Name);
        Assert.IsType<WitOptionType>(customer.Fields[2].Type);
        var cart = Assert.IsType<WitRecord>(pricing.Types[3]);
        Assert.Equal("line-item", Assert.IsType<WitNamedType>(Assert.IsType<WitListType>(cart.Fields[1].Type).Element).Name);
        var discount = Assert.IsType<WitVariant>(pricing.Types[4]);
        Assert.Equal(["none", "percent", "amount-cents"], discount.Cases.Select(c => c.Name));
        Assert.Null(discount.Cases[0].Payload);
        Assert.Equal(WitPrimitiveKind.U8, Assert.IsType<WitPrimitiveType>(discount.Cases[1].Payload).Kind);
        var function = Assert.Single(pricing.Functions);
        Assert.Equal("discount", function.Name);
        Assert.Equal("cart", Assert.IsType<WitNamedType>(Assert.Single(function.Parameters).Type).Name);
        var result = Assert.IsType<WitResultType>(function.Result);
        Assert.Equal("quote", Assert.IsType<WitNamedType>(result.Ok).Name);
    }

    [Fact]
    public void Parse_ShopWit_AttachesMultiParagraphDocComments()
    {
        var file = WitParser.Parse("shop.wit", File.ReadAllText(Path.Combine(Directory, "shop.wit")));
        var discount = file.Interfaces[0].Types[4];

        Assert.StartsWith("A discount on the whole cart.\n\nNamed `cart-discount` because", discount.Docs, StringComparison.Ordinal);
        Assert.Equal("A percentage off the total, 0–100.", Assert.IsType<WitVariant>(discount).Cases[1].Docs);
    }

    [Fact]
    public void Parse_PricingWorld_ReadsTheQualifiedImport()
    {
        var file = WitParser.Parse("shop.wit", File.ReadAllText(Path.Combine(Directory, "shop.wit")));
        var world = Assert.Single(file.Worlds);
        var import = Assert.Single(world.Imports);

        Assert.Equal("saas:extensibility/logging@1.0.0", import.Name);
        Assert.Equal("saas:extensibility@1.0.0", import.Path!.Package!.ToString());
        Assert.Equal("pricing", Assert.Single(world.Exports).Path!.Name);
    }

    [Fact]
    public void Resolve_AcmeShopDirectory_ResolvesTheDependencyAndEveryName()
    {
        var resolution = WitDirectory.Resolve(Directory);

        Assert.Empty(resolution.Diagnostics);
        Assert.Equal(["acme:shop@1.0.0", "saas:extensibility@1.0.0"], resolution.Packages.Select(p => p.Name.ToString()));
        var world = resolution.Packages[0].Worlds[0];
        Assert.Equal(["saas:extensibility/logging@1.0.0"], resolution.ImportsOf(world).Select(resolution.QualifiedName));
        Assert.Equal(["acme:shop/pricing@1.0.0"], resolution.ExportsOf(world).Select(resolution.QualifiedName));
        var cart = Assert.IsType<WitRecord>(resolution.Packages[0].Interfaces[0].Types[3]);
        var customer = resolution.ResolveType(Assert.IsType<WitNamedType>(cart.Fields[0].Type));
        Assert.Equal("customer", customer!.Name);
        Assert.Same(resolution.Packages[0].Interfaces[0], resolution.InterfaceOf(customer));
    }

    [Fact]
    public void Resolve_SamePackageTwice_MergesIdenticalCopies()
    {
        var files = WitDirectory.Parse(Directory).Concat(WitDirectory.Parse(RepositoryPaths.Wit("saas-extensibility")));

        var resolution = Sdk.Wit.Resolution.WitResolver.Resolve(files);

        Assert.Empty(resolution.Diagnostics);
        Assert.Equal(2, resolution.Packages.Count);
    }

    [Fact]
    public void Resolve_EventHandler_SeesUsedTypesAsTheirDefinitions()
    {
        var resolution = WitDirectory.Resolve(RepositoryPaths.Wit("saas-extensibility"));
        var package = Assert.Single(resolution.Packages);
        var handler = package.Interfaces.Single(i => i.Name == "event-handler");
        var types = package.Interfaces.Single(i => i.Name == "types");

        var scope = resolution.TypesInScope(handler);

        Assert.Equal(["event", "decision", "failure"], scope.Keys);
        Assert.All(scope.Values, t => Assert.Same(types, resolution.InterfaceOf(t)));
    }
}
