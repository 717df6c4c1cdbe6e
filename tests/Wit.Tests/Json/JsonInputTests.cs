using System.Text.Json;
using System.Text.Json.Nodes;
using Acme.Shop.Pricing;
using Corpus.KitchenSink.Shapes;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Sdk.Wit.Runtime;
using Wasmtime.Components;
using HostType = ExtensibilityHost.Core.Components.WitType;

namespace ExtensibilityHost.Wit.Tests.Json;

/// <summary>
/// What the generated JSON form accepts and refuses, against the host's converter (<see cref="WitJson"/>):
/// every input form the host accepts besides its canonical output reads as the same value, and every
/// input the host refuses is refused with the same JSON path and the same problem text.
/// </summary>
public sealed class JsonInputTests
{
    private const string Pricing = "acme:shop/pricing@1.0.0";
    private const string Shapes = "corpus:kitchen-sink/shapes@0.3.0-rc.1+build.7";

    private static readonly Dictionary<string, (HostType Type, Func<JsonNode?, object> FromJson, Func<ComponentValue, object> FromComponent)> s_types = new()
    {
        ["cart"] = (HostWitTypes.AcmeShop.Of(Pricing, "cart"), PricingJson.DecodeCart, PricingCodec.DecodeCart),
        ["customer"] = (HostWitTypes.AcmeShop.Of(Pricing, "customer"), PricingJson.DecodeCustomer, PricingCodec.DecodeCustomer),
        ["line-item"] = (HostWitTypes.AcmeShop.Of(Pricing, "line-item"), PricingJson.DecodeLineItem, PricingCodec.DecodeLineItem),
        ["cart-discount"] = (HostWitTypes.AcmeShop.Of(Pricing, "cart-discount"), PricingJson.DecodeCartDiscount, PricingCodec.DecodeCartDiscount),
        ["tier"] = (HostWitTypes.AcmeShop.Of(Pricing, "tier"), j => PricingJson.DecodeTier(j), c => PricingCodec.DecodeTier(c)),
        ["nesting"] = (HostWitTypes.KitchenSink.Of(Shapes, "nesting"), ShapesJson.DecodeNesting, ShapesCodec.DecodeNesting),
        ["results"] = (HostWitTypes.KitchenSink.Of(Shapes, "results"), ShapesJson.DecodeResults, ShapesCodec.DecodeResults),
        ["permissions"] = (HostWitTypes.KitchenSink.Of(Shapes, "permissions"), j => ShapesJson.DecodePermissions(j), c => ShapesCodec.DecodePermissions(c)),
        ["shape"] = (HostWitTypes.KitchenSink.Of(Shapes, "shape"), ShapesJson.DecodeShape, ShapesCodec.DecodeShape),
        ["record"] = (HostWitTypes.KitchenSink.Of(Shapes, "record"), ShapesJson.DecodeRecord, ShapesCodec.DecodeRecord),
    };

    private const string Nesting =
        """{"deep": [], "maybe-maybe": null, "bytes": [], "maybe-bytes": null, "pair": ["x", 0, 0, 0, 0], "single": [0], "long": [1,2,3,4,5,6,7,8,9], "list-of-lists": [], "results": []}""";

    private const string Keywords = """{"type": "t", "enum": 1, "plain": true, "ACRONYM-field": 0, "with-digits2-x": 1.5}""";

    /// <summary>Inputs the host accepts that are not its canonical output.</summary>
    public static TheoryData<string, string> Accepted() => new()
    {
        { "line-item", """{"sku": "a", "quantity": 1, "unit-price-cents": "18446744073709551615"}""" },
        { "record", Keywords.Replace("\"ACRONYM-field\": 0", "\"ACRONYM-field\": \"-9223372036854775808\"", StringComparison.Ordinal) },
        { "record", Keywords.Replace("1.5", "\"-Infinity\"", StringComparison.Ordinal) },
        { "record", Keywords.Replace("1.5", "1e308", StringComparison.Ordinal) },
        { "customer", """{"tier": "gold", "id": "c1"}""" },
        { "cart", """{"customer": {"id": "c", "tier": "silver", "country": null}, "lines": [], "coupon": "X"}""" },
        { "cart-discount", "\"none\"" },
        { "cart-discount", """{"tag": "none", "value": null}""" },
        { "cart-discount", """{"value": 5, "tag": "percent"}""" },
        { "shape", """{"tag": "point"}""" },
        { "shape", """{"tag": "circle", "value": "NaN"}""" },
        { "nesting", Nesting.Replace("\"bytes\": []", "\"bytes\": \"AQID\"", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"maybe-bytes\": null", "\"maybe-bytes\": \"\"", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"maybe-maybe\": null", "\"maybe-maybe\": {\"some\": null}", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"maybe-maybe\": null", "\"maybe-maybe\": {\"some\": 4294967295}", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"pair\": [\"x\"", "\"pair\": [\"\\ud83d\\ude00\"", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"deep\": []", "\"deep\": [null, {\"ok\": [1, \"a\"]}, {\"err\": \"not-found\"}]", StringComparison.Ordinal) },
        { "results", """{"both": {"err": "e"}, "ok-only": {"err": null}, "err-only": {"ok": null}, "neither": {"ok": null}}""" },
        { "permissions", """["exec", "read"]""" },
        { "permissions", "[]" },
    };

    /// <summary>Inputs the host refuses.</summary>
    public static TheoryData<string, string> Refused() => new()
    {
        { "record", Keywords.Replace("\"ACRONYM-field\": 0", "\"ACRONYM-field\": \"+5\"", StringComparison.Ordinal) },
        { "cart", """{"customer": {"id": "c1", "tier": "gold"}, "lines": [{"sku": "a", "quantity": "x", "unit-price-cents": 1}]}""" },
        { "cart", """{"customer": {"tier": "gold"}, "lines": []}""" },
        { "cart", """{"customer": {"id": "c1", "tier": "gold"}}""" },
        { "cart", """{"customer": {"id": "c1", "tier": "gold"}, "lines": [], "extra": 1}""" },
        { "cart", """{"customer": {"id": "c1", "tier": "gold"}, "lines": {}}""" },
        { "cart", "[]" },
        { "customer", """{"id": "c1", "tier": "platinum"}""" },
        { "customer", """{"id": 5, "tier": "gold"}""" },
        { "customer", """{"id": "c1", "tier": "gold", "a b": 1}""" },
        { "line-item", """{"sku": "a", "quantity": 1.0, "unit-price-cents": 1}""" },
        { "line-item", """{"sku": "a", "quantity": 1e2, "unit-price-cents": 1}""" },
        { "line-item", """{"sku": "a", "quantity": 4294967296, "unit-price-cents": 1}""" },
        { "line-item", """{"sku": "a", "quantity": -1, "unit-price-cents": 1}""" },
        { "line-item", """{"sku": "a", "quantity": "1", "unit-price-cents": 1}""" },
        { "line-item", """{"sku": "a", "quantity": 1, "unit-price-cents": "18446744073709551616"}""" },
        { "line-item", """{"sku": "a", "quantity": 1, "unit-price-cents": "-1"}""" },
        { "line-item", """{"sku": "a", "quantity": 1, "unit-price-cents": 18446744073709551616}""" },
        { "cart-discount", """{"tag": "half"}""" },
        { "cart-discount", "\"half\"" },
        { "cart-discount", "\"percent\"" },
        { "cart-discount", """{"tag": "none", "value": 5}""" },
        { "cart-discount", """{"tag": "percent"}""" },
        { "cart-discount", """{"tag": "percent", "value": 300}""" },
        { "cart-discount", """{"tag": "percent", "value": 3, "extra": 1}""" },
        { "cart-discount", """{"value": 3}""" },
        { "cart-discount", "5" },
        { "tier", "\"Gold\"" },
        { "tier", "1" },
        { "record", Keywords.Replace("1.5", "\"1.5\"", StringComparison.Ordinal) },
        { "record", Keywords.Replace("\"enum\": 1", "\"enum\": 256", StringComparison.Ordinal) },
        { "record", Keywords.Replace("\"plain\": true", "\"plain\": 1", StringComparison.Ordinal) },
        { "record", Keywords.Replace("\"ACRONYM-field\": 0", "\"ACRONYM-field\": \"0x10\"", StringComparison.Ordinal) },
        { "record", Keywords.Replace("\"ACRONYM-field\": 0", "\"ACRONYM-field\": 9223372036854775808", StringComparison.Ordinal) },
        { "shape", """{"tag": "circle", "value": 1e39}""" },
        { "shape", """{"tag": "circle", "value": "inf"}""" },
        { "shape", """{"tag": "polygon", "value": [[1, 2], [3]]}""" },
        { "shape", """{"tag": "named", "value": {"type": "t"}}""" },
        { "nesting", Nesting.Replace("\"maybe-maybe\": null", "\"maybe-maybe\": 5", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"maybe-maybe\": null", "\"maybe-maybe\": {\"some\": \"x\"}", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"maybe-maybe\": null", "\"maybe-maybe\": {\"some\": 1, \"other\": 2}", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"bytes\": []", "\"bytes\": \"not base64!\"", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"bytes\": []", "\"bytes\": [1, 256]", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"pair\": [\"x\"", "\"pair\": [\"xy\"", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"pair\": [\"x\"", "\"pair\": [\"\\ud83d\"", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"single\": [0]", "\"single\": []", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"single\": [0]", "\"single\": 0", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"deep\": []", "\"deep\": [{\"ok\": [1, \"a\"], \"err\": \"not-found\"}]", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"deep\": []", "\"deep\": [{\"err\": \"gone\"}]", StringComparison.Ordinal) },
        { "nesting", Nesting.Replace("\"list-of-lists\": []", "\"list-of-lists\": [[\"a\", null]]", StringComparison.Ordinal) },
        { "results", """{"both": {"ok": 1}, "ok-only": {"err": 1}, "err-only": {"ok": null}, "neither": {"ok": null}}""" },
        { "results", """{"both": {"yes": 1}, "ok-only": {"err": null}, "err-only": {"ok": null}, "neither": {"ok": null}}""" },
        { "permissions", """["read", "read"]""" },
        { "permissions", """["nope"]""" },
        { "permissions", """[1]""" },
        { "permissions", "\"read\"" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void FromJson_InputTheHostAccepts_ReadsAsTheHostReadsIt(string type, string json)
    {
        var (hostType, fromJson, fromComponent) = s_types[type];
        using var document = JsonDocument.Parse(json);
        var expected = fromComponent(WitJson.FromJson(document.RootElement, hostType, "value"));

        var decoded = fromJson(JsonNode.Parse(json));

        Assert.Equal(expected, decoded);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void FromJson_InputTheHostRefuses_IsRefusedAtTheSamePathForTheSameReason(string type, string json)
    {
        var (hostType, fromJson, _) = s_types[type];
        using var document = JsonDocument.Parse(json);
        var host = Assert.Throws<WitJsonException>(() => WitJson.FromJson(document.RootElement, hostType, "value"));

        var ours = Assert.Throws<WitJsonValueException>(() => fromJson(JsonNode.Parse(json)));

        Assert.Equal((host.JsonPath, host.Problem), (ours.JsonPath, ours.Problem));
    }

    [Fact]
    public void DecodeCart_WrongQuantity_MessageNamesThePath()
    {
        var json = JsonNode.Parse("""{"customer": {"id": "c1", "tier": "gold"}, "lines": [{"sku": "a", "quantity": 1, "unit-price-cents": 1}, {"sku": "b", "quantity": "x", "unit-price-cents": 1}]}""");

        var exception = Assert.Throws<WitJsonValueException>(() => PricingJson.DecodeCart(json));

        Assert.Equal("at $.lines[1].quantity: expected u32, got string \"x\"", exception.Message);
    }

    [Fact]
    public void EncodeTier_UndefinedValue_Throws()
    {
        var exception = Assert.Throws<WitValueException>(() => PricingJson.EncodeTier((Tier)42));

        Assert.Equal("42 is not a value of enum tier.", exception.Message);
    }

    [Fact]
    public void EncodeCustomer_NullString_Throws()
    {
        Assert.Throws<WitValueException>(() => PricingJson.EncodeCustomer(new Customer { Id = null!, Tier = Tier.Gold }));
    }
}
