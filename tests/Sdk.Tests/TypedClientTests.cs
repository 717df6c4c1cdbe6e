using Acme.Shop.Pricing;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Sdk.Client;
using ExtensibilityHost.Sdk.Wit.Runtime;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// The client generated from wit/examples/acme-shop (<see cref="PricingJsonClient"/>) over the .NET
/// client's <see cref="ExportsClient.For"/>: the JavaScript pricing guest, uploaded and approved through
/// the API of a real host on Kestrel, called with C# types and answering with C# types, its WIT
/// <c>err</c> included.
/// </summary>
[Collection(ClientCollection.Name)]
public sealed class TypedClientTests(HostFixture fixture)
{
    private static readonly Customer Gold = new() { Id = "c1", Tier = Tier.Gold };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <summary>
    /// Three carts through one deployment (the 10 MB JavaScript guest compiles once): a quote with a
    /// percentage off, one with an amount off, and the guest's <c>err</c> as a value.
    /// </summary>
    [Fact]
    public async Task DiscountAsync_ThreeCarts_ReturnTheGuestsQuotesAndItsErrAsValues()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture);
        await scenario.DeployAsync("pricing", await File.ReadAllBytesAsync(Guests.Built("js-pricing.wasm"), Cancellation));
        var pricing = new PricingJsonClient(scenario.Client.Exports.For(scenario.Tenant, "pricing"));

        var gold = await pricing.DiscountAsync(
            new Cart { Customer = Gold, Lines = [new LineItem { Sku = "a", Quantity = 2, UnitPriceCents = 100 }, new LineItem { Sku = "b", Quantity = 1, UnitPriceCents = 50 }] },
            Cancellation);
        var coupon = await pricing.DiscountAsync(
            new Cart { Customer = Gold with { Tier = Tier.Silver, Country = "NL" }, Lines = [new LineItem { Sku = "a", Quantity = 1, UnitPriceCents = ulong.MaxValue / 2 }], Coupon = "FLAT5" },
            Cancellation);
        var empty = await pricing.DiscountAsync(new Cart { Customer = Gold, Lines = [] }, Cancellation);

        Assert.Equal(
            Result<Quote, string>.Ok(new Quote { Discount = new CartDiscount.Percent(10), Skus = ["a"], Note = "c1: 2 line(s), 250 cents" }),
            gold);
        Assert.True(coupon.TryGetValue(out var quote), coupon.ToString());
        Assert.Equal(new CartDiscount.AmountCents(500), quote.Discount);
        Assert.Empty(quote.Skus);
        Assert.Equal(Result<Quote, string>.Err("empty cart"), empty);
    }

    [Fact]
    public async Task DiscountAsync_ComponentWithoutThePricingExport_ThrowsNotFound()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture);
        await scenario.DeployAsync("echo", WatText.ToBinary(Guests.Wat("point-echo")));
        var pricing = new PricingJsonClient(scenario.Client.Exports.For(scenario.Tenant, "echo"));

        var exception = await Assert.ThrowsAsync<NotFoundException>(() => pricing.DiscountAsync(new Cart { Customer = Gold, Lines = [] }, Cancellation));

        Assert.Equal("export-not-found", exception.Problem.Name);
    }

    [Fact]
    public void ClientAssemblies_DoNotReferenceWasmtime()
    {
        var assemblies = new[] { typeof(ExtensibilityHostClient).Assembly, typeof(IWitJsonInvoker).Assembly };

        var references = assemblies.SelectMany(a => a.GetReferencedAssemblies()).Select(a => a.Name).ToList();

        Assert.Contains("ExtensibilityHost.Wit.Types", references);
        Assert.DoesNotContain(references, name => name!.StartsWith("Wasmtime", StringComparison.Ordinal) || name == "ExtensibilityHost.Wit.Runtime");
    }
}
