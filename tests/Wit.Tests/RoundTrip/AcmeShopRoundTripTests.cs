using System.Reflection;
using Acme.Shop.Pricing;
using ExtensibilityHost.Sdk.Wit.Runtime;
using Saas.Extensibility.Logging;
using Saas.Extensibility.Types;
using Wasmtime.Components;

namespace ExtensibilityHost.Wit.Tests.RoundTrip;

/// <summary>
/// Every type of <c>wit/examples/acme-shop</c> (and of the saas package it depends on), generated into
/// this test project by the generator: a C# value converted to a component value and back equals itself.
/// </summary>
public sealed class AcmeShopRoundTripTests
{
    private static readonly Customer Gold = new() { Id = "c1", Tier = Tier.Gold, Country = "NL" };

    private static readonly Cart Cart = new()
    {
        Customer = Gold,
        Lines = [new LineItem { Sku = "a", Quantity = 2, UnitPriceCents = 100 }, new LineItem { Sku = "b", Quantity = 1, UnitPriceCents = ulong.MaxValue }],
        Coupon = null,
    };

    /// <summary>One value per generated type and per case; <see cref="Samples_CoverEveryGeneratedType"/> checks nothing is missing.</summary>
    public static TheoryData<string, object, Func<object, ComponentValue>, Func<ComponentValue, object>> Samples => new()
    {
        { "tier standard", Tier.Standard, v => PricingCodec.EncodeTier((Tier)v), v => PricingCodec.DecodeTier(v) },
        { "tier silver", Tier.Silver, v => PricingCodec.EncodeTier((Tier)v), v => PricingCodec.DecodeTier(v) },
        { "tier gold", Tier.Gold, v => PricingCodec.EncodeTier((Tier)v), v => PricingCodec.DecodeTier(v) },
        { "customer", Gold, v => PricingCodec.EncodeCustomer((Customer)v), v => PricingCodec.DecodeCustomer(v) },
        { "customer without country", Gold with { Country = null, Tier = Tier.Standard }, v => PricingCodec.EncodeCustomer((Customer)v), v => PricingCodec.DecodeCustomer(v) },
        { "line item", Cart.Lines[1], v => PricingCodec.EncodeLineItem((LineItem)v), v => PricingCodec.DecodeLineItem(v) },
        { "cart", Cart, v => PricingCodec.EncodeCart((Cart)v), v => PricingCodec.DecodeCart(v) },
        { "empty cart with coupon", Cart with { Lines = [], Coupon = "FLAT5" }, v => PricingCodec.EncodeCart((Cart)v), v => PricingCodec.DecodeCart(v) },
        { "discount none", new CartDiscount.None(), v => PricingCodec.EncodeCartDiscount((CartDiscount)v), v => PricingCodec.DecodeCartDiscount(v) },
        { "discount percent", new CartDiscount.Percent(10), v => PricingCodec.EncodeCartDiscount((CartDiscount)v), v => PricingCodec.DecodeCartDiscount(v) },
        { "discount amount", new CartDiscount.AmountCents(500), v => PricingCodec.EncodeCartDiscount((CartDiscount)v), v => PricingCodec.DecodeCartDiscount(v) },
        { "quote", new Quote { Discount = new CartDiscount.Percent(10), Skus = ["a", "b"], Note = "c1: 2 line(s)" }, v => PricingCodec.EncodeQuote((Quote)v), v => PricingCodec.DecodeQuote(v) },
        { "quote empty", new Quote { Discount = new CartDiscount.None(), Skus = [], Note = null }, v => PricingCodec.EncodeQuote((Quote)v), v => PricingCodec.DecodeQuote(v) },
        { "event", new Event { Id = "e1", EventType = "order.placed", TenantId = "acme", OccurredAt = 1_700_000_000_000, Payload = "{}" }, v => TypesCodec.EncodeEvent((Event)v), v => TypesCodec.DecodeEvent(v) },
        { "decision proceed", new Decision.Proceed(), v => TypesCodec.EncodeDecision((Decision)v), v => TypesCodec.DecodeDecision(v) },
        { "decision veto", new Decision.Veto("no"), v => TypesCodec.EncodeDecision((Decision)v), v => TypesCodec.DecodeDecision(v) },
        { "decision replace", new Decision.Replace("{\"a\":1}"), v => TypesCodec.EncodeDecision((Decision)v), v => TypesCodec.DecodeDecision(v) },
        { "failure", new Failure { Code = "bad", Message = "went wrong" }, v => TypesCodec.EncodeFailure((Failure)v), v => TypesCodec.DecodeFailure(v) },
        { "level trace", Level.Trace, v => LoggingCodec.EncodeLevel((Level)v), v => LoggingCodec.DecodeLevel(v) },
        { "level error", Level.Error, v => LoggingCodec.EncodeLevel((Level)v), v => LoggingCodec.DecodeLevel(v) },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Encode_ThenDecode_ReturnsAnEqualValue(string name, object value, Func<object, ComponentValue> encode, Func<ComponentValue, object> decode)
    {
        var component = encode(value);

        var decoded = decode(component);

        Assert.True(Equals(value, decoded), $"{name}: {value} became {decoded}");
        Assert.Equal(value.GetHashCode(), decoded.GetHashCode());
    }

    [Fact]
    public void Samples_CoverEveryGeneratedType()
    {
        var sampled = Samples.Select(row => ((object)row.Data.Item2).GetType()).ToHashSet();
        var generated = typeof(Cart).Assembly.GetTypes()
            .Where(t => t.Namespace is "Acme.Shop.Pricing" or "Saas.Extensibility.Types" or "Saas.Extensibility.Logging")
            .Where(t => t.GetCustomAttribute<WitNameAttribute>() is not null && !t.IsAbstract && (t.IsEnum || t.GetMethod("<Clone>$") is not null));

        Assert.Empty(generated.Where(t => !sampled.Contains(t)).Select(t => t.FullName));
    }

    [Fact]
    public void EncodeCart_WritesWitFieldNamesInDeclarationOrder()
    {
        var component = PricingCodec.EncodeCart(Cart);

        Assert.Equal(["customer", "lines", "coupon"], component.AsRecord().Select(f => f.Key));
        Assert.Equal(["sku", "quantity", "unit-price-cents"], component.Field("lines").AsList()[0].AsRecord().Select(f => f.Key));
        Assert.Equal("gold", component.Field("customer").Field("tier").AsEnum());
        Assert.False(component.Field("coupon").IsSome);
        Assert.Equal(ulong.MaxValue, component.Field("lines").AsList()[1].Field("unit-price-cents").AsU64());
    }

    [Fact]
    public void DecodeCartDiscount_UnknownCase_ThrowsNamingTheType()
    {
        var exception = Assert.Throws<WitValueException>(() => PricingCodec.DecodeCartDiscount(ComponentValue.Variant("half", null!)));

        Assert.Equal("'half' is not a case of variant cart-discount.", exception.Message);
    }

    [Fact]
    public void DecodeCart_MissingField_ThrowsNamingTheField()
    {
        var value = ComponentValue.Record([new("customer", PricingCodec.EncodeCustomer(Gold))]);

        var exception = Assert.Throws<WitValueException>(() => PricingCodec.DecodeCart(value));

        Assert.Equal("The record value has no field 'lines'.", exception.Message);
    }
}
