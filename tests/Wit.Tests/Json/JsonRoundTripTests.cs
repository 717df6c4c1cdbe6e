using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acme.Shop.Pricing;
using Corpus.KitchenSink.Shapes;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Sdk.Wit.Runtime;
using Saas.Extensibility.Logging;
using Saas.Extensibility.Types;

namespace ExtensibilityHost.Wit.Tests.Json;

/// <summary>
/// Every generated type of <c>wit/examples/acme-shop</c> (with the saas package it depends on) and of the
/// kitchen-sink corpus, through its generated JSON form and through the host's own converter
/// (<see cref="WitJson"/>, the reference of docs/json-mapping.md): both write the same JSON for the same
/// value, and each reads what the other wrote back to the same value.
/// </summary>
public sealed class JsonRoundTripTests
{
    private const string Pricing = "acme:shop/pricing@1.0.0";
    private const string Types = "saas:extensibility/types@1.0.0";
    private const string Logging = "saas:extensibility/logging@1.0.0";
    private const string Shapes = "corpus:kitchen-sink/shapes@0.3.0-rc.1+build.7";

    private static readonly Customer Gold = new() { Id = "c1", Tier = Tier.Gold, Country = "NL" };

    private static readonly LineItem Huge = new() { Sku = "b", Quantity = uint.MaxValue, UnitPriceCents = ulong.MaxValue };

    private static readonly Cart Cart = new()
    {
        Customer = Gold,
        Lines = [new LineItem { Sku = "a", Quantity = 2, UnitPriceCents = 100 }, Huge],
        Coupon = null,
    };

    private static readonly Corpus.KitchenSink.Shapes.Record Keywords = new()
    {
        Type = "t\u00e9\"\n",
        Enum = 255,
        Plain = true,
        AcronymField = long.MinValue,
        WithDigits2X = 0.1,
        Result = uint.MaxValue,
    };

    private static readonly Nesting Nested = new()
    {
        Deep =
        [
            Result<(byte, string), ErrorCode>.Ok((7, "seven")),
            null,
            Result<(byte, string), ErrorCode>.Err(ErrorCode.HttpError),
        ],
        MaybeMaybe = Option<uint?>.Some(5),
        Bytes = [0, 1, 2, 255],
        MaybeBytes = [],
        Pair = (new Rune(0x1F600), sbyte.MinValue, short.MaxValue, int.MinValue, 0.1f),
        Single = new ValueTuple<ushort>(ushort.MaxValue),
        Long = (1, 2, 3, 4, 5, 6, 7, 8, 9),
        ListOfLists = [[], ["a", "b"], [""]],
        Results = [Result<ulong, ErrorCode>.Ok(ulong.MaxValue), Result<ulong, ErrorCode>.Err(ErrorCode.Variant)],
    };

    private static readonly Dictionary<string, JsonSample> s_samples = new()
    {
        ["tier standard"] = Tier_(Tier.Standard),
        ["tier silver"] = Tier_(Tier.Silver),
        ["tier gold"] = Tier_(Tier.Gold),
        ["customer"] = Customer_(Gold),
        ["customer without country"] = Customer_(Gold with { Country = null, Tier = Tier.Standard }),
        ["line item at the limits"] = JsonSample.Of(Huge, HostWitTypes.AcmeShop.Of(Pricing, "line-item"), PricingJson.EncodeLineItem, PricingJson.DecodeLineItem, PricingCodec.EncodeLineItem, PricingCodec.DecodeLineItem),
        ["cart"] = Cart_(Cart),
        ["empty cart with coupon"] = Cart_(Cart with { Lines = [], Coupon = "FLAT5" }),
        ["discount none"] = Discount(new CartDiscount.None()),
        ["discount percent"] = Discount(new CartDiscount.Percent(10)),
        ["discount amount"] = Discount(new CartDiscount.AmountCents(ulong.MaxValue)),
        ["quote"] = Quote_(new Quote { Discount = new CartDiscount.Percent(10), Skus = ["a", "b"], Note = "c1: 2 line(s)" }),
        ["quote empty"] = Quote_(new Quote { Discount = new CartDiscount.None(), Skus = [], Note = null }),
        ["event"] = JsonSample.Of(
            new Event { Id = "e1", EventType = "order.placed", TenantId = "acme", OccurredAt = 1_700_000_000_000, Payload = "{\"a\":[1,2]}" },
            HostWitTypes.AcmeShop.Of(Types, "event"), TypesJson.EncodeEvent, TypesJson.DecodeEvent, TypesCodec.EncodeEvent, TypesCodec.DecodeEvent),
        ["decision proceed"] = Decision_(new Decision.Proceed()),
        ["decision veto"] = Decision_(new Decision.Veto("no")),
        ["decision replace"] = Decision_(new Decision.Replace("{\"a\":1}")),
        ["failure"] = JsonSample.Of(
            new Failure { Code = "bad", Message = "went wrong" },
            HostWitTypes.AcmeShop.Of(Types, "failure"), TypesJson.EncodeFailure, TypesJson.DecodeFailure, TypesCodec.EncodeFailure, TypesCodec.DecodeFailure),
        ["level trace"] = Level_(Level.Trace),
        ["level error"] = Level_(Level.Error),
        ["keyword record"] = Record_(Keywords),
        ["keyword record with none"] = Record_(Keywords with { Result = null, WithDigits2X = double.NaN }),
        ["results ok"] = Results_(new Results { Both = Result<uint, string>.Ok(1), OkOnly = Result<uint, Unit>.Ok(2), ErrOnly = Result<Unit, string>.Ok(Unit.Value), Neither = Result<Unit, Unit>.Ok(Unit.Value) }),
        ["results err"] = Results_(new Results { Both = Result<uint, string>.Err("e"), OkOnly = Result<uint, Unit>.Err(Unit.Value), ErrOnly = Result<Unit, string>.Err("x"), Neither = Result<Unit, Unit>.Err(Unit.Value) }),
        ["nesting"] = Nesting_(Nested),
        ["nesting some(none)"] = Nesting_(Nested with { MaybeMaybe = Option<uint?>.Some(null), MaybeBytes = null, Deep = [], Pair = (new Rune('x'), 0, 0, 0, float.PositiveInfinity) }),
        ["nesting none"] = Nesting_(Nested with { MaybeMaybe = Option<uint?>.None, Pair = (new Rune('\u00e9'), 0, 0, 0, float.NegativeInfinity) }),
        ["nesting f32 nan"] = Nesting_(Nested with { Pair = (new Rune('x'), 0, 0, 0, float.NaN) }),
        ["error code not-found"] = ErrorCode_(ErrorCode.NotFound),
        ["error code variant"] = ErrorCode_(ErrorCode.Variant),
        ["error code HTTP-error"] = ErrorCode_(ErrorCode.HttpError),
        ["permissions none"] = Permissions_(0),
        ["permissions read exec"] = Permissions_(Permissions.Read | Permissions.Exec),
        ["permissions all"] = Permissions_(Permissions.Read | Permissions.Write | Permissions.Exec),
        ["shape point"] = Shape_(new Shape.Point()),
        ["shape circle"] = Shape_(new Shape.Circle(float.MaxValue)),
        ["shape polygon"] = Shape_(new Shape.Polygon([(0f, 1.5f), (-2f, 1e-7f)])),
        ["shape named"] = Shape_(new Shape.Named(Keywords)),
        ["shape value"] = Shape_(new Shape.ValueCase(3)),
        ["shape shape"] = Shape_(new Shape.ShapeCase("s")),
        ["clash"] = JsonSample.Of(
            new Clash { ClashValue = 1, EqualsValue = true, ToStringValue = "s", GetHashCodeValue = -1 },
            HostWitTypes.KitchenSink.Of(Shapes, "clash"), ShapesJson.EncodeClash, ShapesJson.DecodeClash, ShapesCodec.EncodeClash, ShapesCodec.DecodeClash),
        ["gated"] = JsonSample.Of(new Gated { X = 9 }, HostWitTypes.KitchenSink.Of(Shapes, "gated"), ShapesJson.EncodeGated, ShapesJson.DecodeGated, ShapesCodec.EncodeGated, ShapesCodec.DecodeGated),
        ["greeting"] = JsonSample.Of(
            new Corpus.Other.Greetings.Greeting { Text = "hi", Loud = false },
            HostWitTypes.KitchenSink.Of("corpus:other/greetings@2.0.0", "greeting"),
            Corpus.Other.Greetings.GreetingsJson.EncodeGreeting, Corpus.Other.Greetings.GreetingsJson.DecodeGreeting,
            Corpus.Other.Greetings.GreetingsCodec.EncodeGreeting, Corpus.Other.Greetings.GreetingsCodec.DecodeGreeting),
        ["inner point"] = JsonSample.Of(
            new Corpus.Nested.Inner.Point { X = int.MinValue, Y = int.MaxValue },
            HostWitTypes.KitchenSink.Of("corpus:nested/inner@1.0.0", "point"),
            Corpus.Nested.Inner.InnerJson.EncodePoint, Corpus.Nested.Inner.InnerJson.DecodePoint,
            Corpus.Nested.Inner.InnerCodec.EncodePoint, Corpus.Nested.Inner.InnerCodec.DecodePoint),
    };

    public static TheoryData<string> Samples() => [.. s_samples.Keys];

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToJson_ThenFromJson_ReturnsAnEqualValue(string name)
    {
        var sample = s_samples[name];

        var decoded = sample.FromJson(sample.ToJson(sample.Value));

        Assert.True(Equals(sample.Value, decoded), $"{name}: {sample.Value} became {decoded}");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToJson_WritesWhatTheHostWritesForTheSameValue(string name)
    {
        var sample = s_samples[name];

        var ours = sample.ToJson(sample.Value);
        var host = WitJson.ToJson(sample.ToComponent(sample.Value), sample.Type);

        Assert.Equal(Text(host), Text(ours));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void HostFromJson_ReadsOurJsonAsTheSameValue(string name)
    {
        var sample = s_samples[name];
        using var ours = JsonDocument.Parse(Text(sample.ToJson(sample.Value)));

        var component = WitJson.FromJson(ours.RootElement, sample.Type, "value");

        Assert.True(Equals(sample.Value, sample.FromComponent(component)), $"{name}: the host read {Text(sample.ToJson(sample.Value))} differently");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void FromJson_ReadsTheHostsParsedJsonAsTheSameValue(string name)
    {
        var sample = s_samples[name];
        var hostText = Text(WitJson.ToJson(sample.ToComponent(sample.Value), sample.Type));

        var decoded = sample.FromJson(JsonNode.Parse(hostText));

        Assert.True(Equals(sample.Value, decoded), $"{name}: {hostText} became {decoded}");
    }

    [Fact]
    public void Samples_CoverEveryGeneratedType()
    {
        var sampled = s_samples.Values.Select(s => s.Value.GetType()).ToHashSet();
        var generated = typeof(Cart).Assembly.GetTypes()
            .Where(t => t.Namespace is { } ns && (ns.StartsWith("Acme.", StringComparison.Ordinal) || ns.StartsWith("Saas.", StringComparison.Ordinal) || ns.StartsWith("Corpus.", StringComparison.Ordinal)))
            .Where(t => t.GetCustomAttribute<WitNameAttribute>() is not null && !t.IsAbstract && (t.IsEnum || t.GetMethod("<Clone>$") is not null));

        Assert.Empty(generated.Where(t => !sampled.Contains(t)).Select(t => t.FullName));
    }

    private static string Text(JsonNode? json) => json?.ToJsonString() ?? "null";

    private static JsonSample Tier_(Tier value) =>
        JsonSample.Of(value, HostWitTypes.AcmeShop.Of(Pricing, "tier"), PricingJson.EncodeTier, PricingJson.DecodeTier, PricingCodec.EncodeTier, PricingCodec.DecodeTier);

    private static JsonSample Customer_(Customer value) =>
        JsonSample.Of(value, HostWitTypes.AcmeShop.Of(Pricing, "customer"), PricingJson.EncodeCustomer, PricingJson.DecodeCustomer, PricingCodec.EncodeCustomer, PricingCodec.DecodeCustomer);

    private static JsonSample Cart_(Cart value) =>
        JsonSample.Of(value, HostWitTypes.AcmeShop.Of(Pricing, "cart"), PricingJson.EncodeCart, PricingJson.DecodeCart, PricingCodec.EncodeCart, PricingCodec.DecodeCart);

    private static JsonSample Discount(CartDiscount value) =>
        JsonSample.Of(value, HostWitTypes.AcmeShop.Of(Pricing, "cart-discount"), PricingJson.EncodeCartDiscount, PricingJson.DecodeCartDiscount, PricingCodec.EncodeCartDiscount, PricingCodec.DecodeCartDiscount);

    private static JsonSample Quote_(Quote value) =>
        JsonSample.Of(value, HostWitTypes.AcmeShop.Of(Pricing, "quote"), PricingJson.EncodeQuote, PricingJson.DecodeQuote, PricingCodec.EncodeQuote, PricingCodec.DecodeQuote);

    private static JsonSample Decision_(Decision value) =>
        JsonSample.Of(value, HostWitTypes.AcmeShop.Of(Types, "decision"), TypesJson.EncodeDecision, TypesJson.DecodeDecision, TypesCodec.EncodeDecision, TypesCodec.DecodeDecision);

    private static JsonSample Level_(Level value) =>
        JsonSample.Of(value, HostWitTypes.AcmeShop.Of(Logging, "level"), LoggingJson.EncodeLevel, LoggingJson.DecodeLevel, LoggingCodec.EncodeLevel, LoggingCodec.DecodeLevel);

    private static JsonSample Record_(Corpus.KitchenSink.Shapes.Record value) =>
        JsonSample.Of(value, HostWitTypes.KitchenSink.Of(Shapes, "record"), ShapesJson.EncodeRecord, ShapesJson.DecodeRecord, ShapesCodec.EncodeRecord, ShapesCodec.DecodeRecord);

    private static JsonSample Results_(Results value) =>
        JsonSample.Of(value, HostWitTypes.KitchenSink.Of(Shapes, "results"), ShapesJson.EncodeResults, ShapesJson.DecodeResults, ShapesCodec.EncodeResults, ShapesCodec.DecodeResults);

    private static JsonSample Nesting_(Nesting value) =>
        JsonSample.Of(value, HostWitTypes.KitchenSink.Of(Shapes, "nesting"), ShapesJson.EncodeNesting, ShapesJson.DecodeNesting, ShapesCodec.EncodeNesting, ShapesCodec.DecodeNesting);

    private static JsonSample ErrorCode_(ErrorCode value) =>
        JsonSample.Of(value, HostWitTypes.KitchenSink.Of(Shapes, "error-code"), ShapesJson.EncodeErrorCode, ShapesJson.DecodeErrorCode, ShapesCodec.EncodeErrorCode, ShapesCodec.DecodeErrorCode);

    private static JsonSample Permissions_(Permissions value) =>
        JsonSample.Of(value, HostWitTypes.KitchenSink.Of(Shapes, "permissions"), ShapesJson.EncodePermissions, ShapesJson.DecodePermissions, ShapesCodec.EncodePermissions, ShapesCodec.DecodePermissions);

    private static JsonSample Shape_(Shape value) =>
        JsonSample.Of(value, HostWitTypes.KitchenSink.Of(Shapes, "shape"), ShapesJson.EncodeShape, ShapesJson.DecodeShape, ShapesCodec.EncodeShape, ShapesCodec.DecodeShape);
}
