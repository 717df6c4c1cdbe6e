using System.Text.Json;
using ExtensibilityHost.Core.Components;

namespace ExtensibilityHost.Core.Tests.Components;

public sealed class WitJsonTests
{
    private static readonly WitType Order = WitType.RecordOf(("id", WitType.String), ("qty", WitType.U32), ("note", WitType.OptionOf(WitType.String)));

    private static readonly WitType Decision = WitType.VariantOf(("proceed", null), ("veto", WitType.String));

    private static readonly WitType Tier = WitType.EnumOf("standard", "silver", "gold");

    private static readonly WitType Permissions = WitType.FlagsOf("read", "write", "admin");

    private static readonly WitType LineItem = WitType.RecordOf(("sku", WitType.String), ("quantity", WitType.U32), ("unit-price-cents", WitType.U64));

    private static readonly WitType Cart = WitType.RecordOf(
        ("customer", WitType.RecordOf(("id", WitType.String), ("tier", Tier), ("country", WitType.OptionOf(WitType.String)))),
        ("lines", WitType.ListOf(LineItem)),
        ("coupon", WitType.OptionOf(WitType.String)));

    private static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static ComponentValue Read(string json, WitType type) => WitJson.FromJson(Json(json), type, "argument 'x'");

    private static string Write(ComponentValue value, WitType type) => WitJson.ToJson(value, type)?.ToJsonString() ?? "null";

    private static string RoundTrip(string json, WitType type) => Write(Read(json, type), type);

    private static WitJsonException ReadFails(string json, WitType type) => Assert.Throws<WitJsonException>(() => Read(json, type));

    // ---- bool -------------------------------------------------------------------------------

    [Fact]
    public void FromJson_BoolTrue_IsTrue() => Assert.True(Read("true", WitType.Bool).AsBool());

    [Fact]
    public void FromJson_BoolGivenString_NamesExpectedAndGot() =>
        Assert.Equal("argument 'x' at $: expected bool, got string \"true\"", ReadFails("\"true\"", WitType.Bool).Message);

    [Fact]
    public void ToJson_Bool_WritesLiteral() => Assert.Equal("false", Write(ComponentValue.Bool(false), WitType.Bool));

    // ---- integers ---------------------------------------------------------------------------

    public static TheoryData<string, string> IntegerBounds() => new()
    {
        { "s8", "-128" }, { "s8", "127" },
        { "s16", "-32768" }, { "s16", "32767" },
        { "s32", "-2147483648" }, { "s32", "2147483647" },
        { "s64", "-9223372036854775808" }, { "s64", "9223372036854775807" },
        { "u8", "0" }, { "u8", "255" },
        { "u16", "65535" }, { "u32", "4294967295" }, { "u64", "18446744073709551615" },
    };

    public static TheoryData<string, string> IntegersOutOfRange() => new()
    {
        { "s8", "-129" }, { "s8", "128" },
        { "s16", "-32769" }, { "s16", "32768" },
        { "s32", "-2147483649" }, { "s32", "2147483648" },
        { "s64", "9223372036854775808" },
        { "u8", "256" }, { "u8", "-1" },
        { "u16", "65536" }, { "u32", "4294967296" }, { "u64", "18446744073709551616" },
    };

    [Theory]
    [MemberData(nameof(IntegerBounds))]
    public void RoundTrip_IntegerAtBound_IsUnchanged(string type, string json) => Assert.Equal(json, RoundTrip(json, Primitive(type)));

    [Theory]
    [MemberData(nameof(IntegersOutOfRange))]
    public void FromJson_IntegerOutOfRange_SaysOutOfRange(string type, string json) =>
        Assert.Contains("out of range", ReadFails(json, Primitive(type)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.0")]
    [InlineData("1e2")]
    public void FromJson_IntegerWithFractionOrExponent_IsRejected(string json) =>
        Assert.Equal($"argument 'x' at $: expected u32, got number {json} (not an integer)", ReadFails(json, WitType.U32).Message);

    [Fact]
    public void FromJson_U64AsDecimalString_IsAccepted() => Assert.Equal(ulong.MaxValue, Read("\"18446744073709551615\"", WitType.U64).AsU64());

    [Fact]
    public void FromJson_S64AsNegativeDecimalString_IsAccepted() => Assert.Equal(long.MinValue, Read("\"-9223372036854775808\"", WitType.S64).AsS64());

    [Theory]
    [InlineData("\"+1\"")]
    [InlineData("\"-1\"")]
    [InlineData("\"1.0\"")]
    [InlineData("\" 1\"")]
    public void FromJson_U64MalformedDecimalString_IsRejected(string json) => ReadFails(json, WitType.U64);

    [Fact]
    public void FromJson_U32AsString_IsRejectedBecauseOnly64BitAcceptStrings() =>
        Assert.Equal("argument 'x' at $: expected u32, got string \"5\"", ReadFails("\"5\"", WitType.U32).Message);

    [Fact]
    public void ToJson_U64AboveDoublePrecision_WritesExactNumber() =>
        Assert.Equal("9007199254740993", Write(ComponentValue.U64(9007199254740993), WitType.U64));

    [Fact]
    public void FromJson_S16_CreatesS16Value() => Assert.Equal((short)-5, Read("-5", WitType.S16).AsS16());

    // ---- floats -----------------------------------------------------------------------------

    [Fact]
    public void FromJson_F64Number_IsValue() => Assert.Equal(2.5, Read("2.5", WitType.F64).AsF64());

    [Fact]
    public void FromJson_F64Integer_IsValue() => Assert.Equal(3.0, Read("3", WitType.F64).AsF64());

    [Theory]
    [InlineData("\"NaN\"", double.NaN)]
    [InlineData("\"Infinity\"", double.PositiveInfinity)]
    [InlineData("\"-Infinity\"", double.NegativeInfinity)]
    public void FromJson_F64NonFiniteString_IsValue(string json, double expected) => Assert.Equal(expected, Read(json, WitType.F64).AsF64());

    [Theory]
    [InlineData(double.NaN, "\"NaN\"")]
    [InlineData(double.PositiveInfinity, "\"Infinity\"")]
    [InlineData(double.NegativeInfinity, "\"-Infinity\"")]
    public void ToJson_F64NonFinite_WritesString(double value, string expected) => Assert.Equal(expected, Write(ComponentValue.F64(value), WitType.F64));

    [Fact]
    public void ToJson_F32NaN_WritesString() => Assert.Equal("\"NaN\"", Write(ComponentValue.F32(float.NaN), WitType.F32));

    [Fact]
    public void FromJson_F64OtherString_IsRejected() => ReadFails("\"1.5\"", WitType.F64);

    [Fact]
    public void FromJson_F32BeyondRange_IsRejected() =>
        Assert.Contains("out of range for f32", ReadFails("1e39", WitType.F32).Message, StringComparison.Ordinal);

    [Fact]
    public void FromJson_F64BeyondRange_IsRejected() => ReadFails("1e400", WitType.F64);

    [Fact]
    public void ToJson_F32_WritesShortestRoundTripForm() => Assert.Equal("0.1", Write(ComponentValue.F32(0.1f), WitType.F32));

    [Fact]
    public void RoundTrip_F64_IsUnchanged() => Assert.Equal("-0.000123", RoundTrip("-0.000123", WitType.F64));

    // ---- char and string --------------------------------------------------------------------

    [Fact]
    public void FromJson_CharAstral_IsOneScalar() => Assert.Equal(0x1F600u, Read("\"\\uD83D\\uDE00\"", WitType.Char).AsChar());

    [Fact]
    public void FromJson_CharBmp_IsScalar() => Assert.Equal((uint)'é', Read("\"é\"", WitType.Char).AsChar());

    [Fact]
    public void ToJson_CharAstral_WritesOneScalarString() =>
        Assert.Equal("\U0001F600", JsonSerializer.Deserialize<string>(Write(ComponentValue.Char(new System.Text.Rune(0x1F600)), WitType.Char)));

    [Theory]
    [InlineData("\"ab\"")]
    [InlineData("\"\"")]
    [InlineData("\"\\uD83D\"")]
    [InlineData("65")]
    public void FromJson_CharNotOneScalar_IsRejected(string json) => ReadFails(json, WitType.Char);

    [Fact]
    public void RoundTrip_String_IsUnchanged() => Assert.Equal("\"h\\u00E9llo\"", RoundTrip("\"héllo\"", WitType.String));

    [Fact]
    public void FromJson_StringGivenNumber_NamesBoth() =>
        Assert.Equal("argument 'x' at $: expected string, got number 5", ReadFails("5", WitType.String).Message);

    [Fact]
    public void FromJson_StringWithUnpairedSurrogate_IsRejectedWithPath() =>
        Assert.Equal(
            "argument 'x' at $.id: a string contains an unpaired UTF-16 surrogate",
            ReadFails("""{"id": "\ud800", "qty": 1}""", Order).Message);

    [Fact]
    public void FromJson_FieldNameWithUnpairedSurrogate_IsRejected() => ReadFails("""{"\ud800": 1}""", Order);

    [Fact]
    public void FromJson_StringGivenNull_SaysNull() =>
        Assert.Equal("argument 'x' at $: expected string, got null", ReadFails("null", WitType.String).Message);

    // ---- lists ------------------------------------------------------------------------------

    [Fact]
    public void RoundTrip_ListOfU32_IsUnchanged() => Assert.Equal("[1,2,3]", RoundTrip("[1,2,3]", WitType.ListOf(WitType.U32)));

    [Fact]
    public void RoundTrip_EmptyList_IsEmptyArray() => Assert.Equal("[]", RoundTrip("[]", WitType.ListOf(WitType.String)));

    [Fact]
    public void FromJson_ListElementMismatch_PathHasIndex() =>
        Assert.Equal("argument 'x' at $[1]: expected u32, got string \"x\"", ReadFails("[1, \"x\"]", WitType.ListOf(WitType.U32)).Message);

    [Fact]
    public void FromJson_ListOfBytesAsBase64_Decodes() =>
        Assert.Equal([1, 2, 3], Read("\"AQID\"", WitType.ListOf(WitType.U8)).AsList().Select(v => (int)v.AsU8()));

    [Fact]
    public void ToJson_ListOfBytes_WritesArray() => Assert.Equal("[1,2,3]", RoundTrip("\"AQID\"", WitType.ListOf(WitType.U8)));

    [Fact]
    public void FromJson_ListOfBytesInvalidBase64_IsRejected() =>
        Assert.Contains("not valid base64", ReadFails("\"***\"", WitType.ListOf(WitType.U8)).Message, StringComparison.Ordinal);

    [Fact]
    public void FromJson_ListOfU32AsString_IsRejected() => ReadFails("\"AQID\"", WitType.ListOf(WitType.U32));

    [Fact]
    public void FromJson_ListGivenObject_IsRejected() => ReadFails("{}", WitType.ListOf(WitType.U32));

    // ---- tuples -----------------------------------------------------------------------------

    [Fact]
    public void RoundTrip_Tuple_IsUnchanged() => Assert.Equal("[7,\"seven\"]", RoundTrip("[7, \"seven\"]", WitType.TupleOf(WitType.U32, WitType.String)));

    [Fact]
    public void FromJson_TupleWrongLength_SaysLength() =>
        Assert.Equal(
            "argument 'x' at $: expected tuple of 2 (an array), got an array of 3",
            ReadFails("[1, \"a\", 2]", WitType.TupleOf(WitType.U32, WitType.String)).Message);

    [Fact]
    public void FromJson_TupleElementMismatch_PathHasIndex() =>
        Assert.StartsWith("argument 'x' at $[1]:", ReadFails("[1, 2]", WitType.TupleOf(WitType.U32, WitType.String)).Message, StringComparison.Ordinal);

    // ---- records ----------------------------------------------------------------------------

    [Fact]
    public void FromJson_Record_FieldsInDeclarationOrder()
    {
        var value = Read("""{"qty": 2, "note": "n", "id": "a"}""", Order);

        Assert.Equal(["id", "qty", "note"], value.AsRecord().Select(f => f.Key));
    }

    [Fact]
    public void RoundTrip_Record_WritesEveryFieldInOrder() =>
        Assert.Equal("""{"id":"a","qty":2,"note":null}""", RoundTrip("""{"qty": 2, "id": "a", "note": null}""", Order));

    [Fact]
    public void FromJson_RecordMissingOptionField_IsNone() => Assert.False(Read("""{"id": "a", "qty": 1}""", Order).Field("note").IsSome);

    [Fact]
    public void FromJson_RecordMissingField_NamesField() =>
        Assert.Equal("argument 'x' at $: missing field 'qty' (u32)", ReadFails("""{"id": "a"}""", Order).Message);

    [Fact]
    public void FromJson_RecordUnknownField_PathNamesField() =>
        Assert.StartsWith("argument 'x' at $.extra: unknown field", ReadFails("""{"id": "a", "qty": 1, "extra": 0}""", Order).Message, StringComparison.Ordinal);

    [Fact]
    public void FromJson_RecordDuplicateField_IsRejected() =>
        Assert.Equal("argument 'x' at $.qty: duplicate field", ReadFails("""{"id": "a", "qty": 1, "qty": 2}""", Order).Message);

    [Fact]
    public void FromJson_RecordGivenArray_IsRejected() => ReadFails("[]", Order);

    [Fact]
    public void FromJson_RecordFieldNameIsCaseSensitive() => ReadFails("""{"ID": "a", "qty": 1}""", Order);

    [Fact]
    public void FromJson_KebabCaseField_IsMatched() =>
        Assert.Equal(100ul, Read("""{"sku": "s", "quantity": 1, "unit-price-cents": 100}""", LineItem).Field("unit-price-cents").AsU64());

    [Fact]
    public void FromJson_UnknownFieldWithOddCharacters_IsQuotedInPath() =>
        Assert.StartsWith("argument 'x' at $[\"a b\"]:", ReadFails("""{"a b": 1}""", Order).Message, StringComparison.Ordinal);

    // ---- variants ---------------------------------------------------------------------------

    [Fact]
    public void FromJson_VariantWithPayload_IsCaseAndPayload()
    {
        var value = Read("""{"tag": "veto", "value": "no"}""", Decision);

        Assert.Equal("veto", value.AsVariant());
        Assert.Equal("no", value.Payload!.AsString());
    }

    [Fact]
    public void FromJson_VariantCaseWithoutPayload_HasNoPayload() => Assert.Null(Read("""{"tag": "proceed"}""", Decision).Payload);

    [Fact]
    public void FromJson_VariantBareString_IsCaseWithoutPayload() => Assert.Equal("proceed", Read("\"proceed\"", Decision).AsVariant());

    [Fact]
    public void FromJson_VariantCaseWithoutPayloadAndNullValue_IsAccepted() => Assert.Equal("proceed", Read("""{"tag": "proceed", "value": null}""", Decision).AsVariant());

    [Fact]
    public void FromJson_VariantBareStringForPayloadCase_IsRejected() =>
        Assert.Contains("has a payload", ReadFails("\"veto\"", Decision).Message, StringComparison.Ordinal);

    [Fact]
    public void FromJson_VariantUnknownTag_ListsCases() =>
        Assert.Equal(
            "argument 'x' at $.tag: unknown case \"stop\"; expected one of \"proceed\", \"veto\"",
            ReadFails("""{"tag": "stop"}""", Decision).Message);

    [Fact]
    public void FromJson_VariantMissingValue_IsRejected() =>
        Assert.Contains("needs \"value\"", ReadFails("""{"tag": "veto"}""", Decision).Message, StringComparison.Ordinal);

    [Fact]
    public void FromJson_VariantValueForCaseWithoutPayload_IsRejected() =>
        Assert.Contains("has no payload", ReadFails("""{"tag": "proceed", "value": "x"}""", Decision).Message, StringComparison.Ordinal);

    [Fact]
    public void FromJson_VariantExtraProperty_IsRejected() =>
        Assert.StartsWith("argument 'x' at $.reason:", ReadFails("""{"tag": "veto", "value": "x", "reason": 1}""", Decision).Message, StringComparison.Ordinal);

    [Fact]
    public void FromJson_VariantMissingTag_IsRejected() => ReadFails("""{"value": "x"}""", Decision);

    [Fact]
    public void FromJson_VariantPayloadMismatch_PathEndsInValue() =>
        Assert.StartsWith("argument 'x' at $.value: expected string", ReadFails("""{"tag": "veto", "value": 1}""", Decision).Message, StringComparison.Ordinal);

    [Fact]
    public void ToJson_VariantCaseWithoutPayload_WritesTagOnly() => Assert.Equal("""{"tag":"proceed"}""", RoundTrip("\"proceed\"", Decision));

    [Fact]
    public void ToJson_VariantWithPayload_WritesTagAndValue() =>
        Assert.Equal("""{"tag":"veto","value":"no"}""", Write(ComponentValue.Variant("veto", ComponentValue.String("no")), Decision));

    // ---- enums ------------------------------------------------------------------------------

    [Fact]
    public void RoundTrip_Enum_IsName() => Assert.Equal("\"gold\"", RoundTrip("\"gold\"", Tier));

    [Fact]
    public void FromJson_EnumUnknownName_ListsNames() =>
        Assert.Equal(
            "argument 'x' at $: expected one of \"standard\", \"silver\", \"gold\", got string \"platinum\"",
            ReadFails("\"platinum\"", Tier).Message);

    [Fact]
    public void FromJson_EnumGivenIndex_IsRejected() => ReadFails("2", Tier);

    // ---- options ----------------------------------------------------------------------------

    [Fact]
    public void FromJson_OptionNull_IsNone() => Assert.False(Read("null", WitType.OptionOf(WitType.U32)).IsSome);

    [Fact]
    public void FromJson_OptionValue_IsSome() => Assert.Equal(5u, Read("5", WitType.OptionOf(WitType.U32)).Payload!.AsU32());

    [Fact]
    public void ToJson_OptionNone_IsJsonNull() => Assert.Null(WitJson.ToJson(ComponentValue.None(), WitType.OptionOf(WitType.U32)));

    [Fact]
    public void ToJson_OptionSome_IsValue() => Assert.Equal("5", Write(ComponentValue.Some(ComponentValue.U32(5)), WitType.OptionOf(WitType.U32)));

    [Fact]
    public void FromJson_NestedOptionNull_IsOuterNone() => Assert.False(Read("null", WitType.OptionOf(WitType.OptionOf(WitType.U32))).IsSome);

    [Fact]
    public void FromJson_NestedOptionSomeNull_IsSomeNone()
    {
        var value = Read("""{"some": null}""", WitType.OptionOf(WitType.OptionOf(WitType.U32)));

        Assert.True(value.IsSome);
        Assert.False(value.Payload!.IsSome);
    }

    [Fact]
    public void FromJson_NestedOptionSomeValue_IsSomeSome() =>
        Assert.Equal(5u, Read("""{"some": 5}""", WitType.OptionOf(WitType.OptionOf(WitType.U32))).Payload!.Payload!.AsU32());

    [Fact]
    public void FromJson_NestedOptionBareValue_IsRejected() => ReadFails("5", WitType.OptionOf(WitType.OptionOf(WitType.U32)));

    [Theory]
    [InlineData("null")]
    [InlineData("""{"some":null}""")]
    [InlineData("""{"some":7}""")]
    public void RoundTrip_NestedOption_IsUnchanged(string json) => Assert.Equal(json, RoundTrip(json, WitType.OptionOf(WitType.OptionOf(WitType.U32))));

    [Theory]
    [InlineData("null")]
    [InlineData("""{"some":null}""")]
    [InlineData("""{"some":{"some":null}}""")]
    [InlineData("""{"some":{"some":"x"}}""")]
    public void RoundTrip_TripleOption_IsUnchanged(string json) =>
        Assert.Equal(json, RoundTrip(json, WitType.OptionOf(WitType.OptionOf(WitType.OptionOf(WitType.String)))));

    [Fact]
    public void FromJson_NestedOptionInnerMismatch_PathEndsInSome() =>
        Assert.StartsWith("argument 'x' at $.some:", ReadFails("""{"some": "x"}""", WitType.OptionOf(WitType.OptionOf(WitType.U32))).Message, StringComparison.Ordinal);

    // ---- results ----------------------------------------------------------------------------

    private static readonly WitType QuoteResult = WitType.ResultOf(WitType.U32, WitType.String);

    [Theory]
    [InlineData("""{"ok":1}""")]
    [InlineData("""{"err":"nope"}""")]
    public void RoundTrip_Result_IsUnchanged(string json) => Assert.Equal(json, RoundTrip(json, QuoteResult));

    [Fact]
    public void FromJson_ResultErr_IsErr() => Assert.False(Read("""{"err": "nope"}""", QuoteResult).IsOk);

    [Theory]
    [InlineData("""{"ok":null}""")]
    [InlineData("""{"err":null}""")]
    public void RoundTrip_ResultWithoutPayloads_IsUnchanged(string json) => Assert.Equal(json, RoundTrip(json, WitType.ResultOf(null, null)));

    [Fact]
    public void FromJson_ResultValueForSideWithoutPayload_IsRejected() =>
        Assert.Contains("has no payload", ReadFails("""{"ok": 1}""", WitType.ResultOf(null, WitType.String)).Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"ok": 1, "err": "x"}""")]
    [InlineData("""{"value": 1}""")]
    [InlineData("""{}""")]
    [InlineData("1")]
    public void FromJson_ResultNotExactlyOkOrErr_IsRejected(string json) => ReadFails(json, QuoteResult);

    [Fact]
    public void FromJson_ResultPayloadMismatch_PathEndsInSide() =>
        Assert.StartsWith("argument 'x' at $.err: expected string", ReadFails("""{"err": 1}""", QuoteResult).Message, StringComparison.Ordinal);

    // ---- flags ------------------------------------------------------------------------------

    [Fact]
    public void FromJson_Flags_AreSetInDeclarationOrder() => Assert.Equal(["read", "admin"], Read("""["admin", "read"]""", Permissions).AsFlags());

    [Fact]
    public void RoundTrip_NoFlags_IsEmptyArray() => Assert.Equal("[]", RoundTrip("[]", Permissions));

    [Fact]
    public void ToJson_Flags_WritesDeclarationOrder() => Assert.Equal("""["read","admin"]""", RoundTrip("""["admin","read"]""", Permissions));

    [Fact]
    public void FromJson_UnknownFlag_PathHasIndex() =>
        Assert.StartsWith("argument 'x' at $[1]: unknown flag \"root\"", ReadFails("""["read", "root"]""", Permissions).Message, StringComparison.Ordinal);

    [Fact]
    public void FromJson_DuplicateFlag_IsRejected() => ReadFails("""["read", "read"]""", Permissions);

    [Fact]
    public void FromJson_FlagsGivenObject_IsRejected() => ReadFails("""{"read": true}""", Permissions);

    // ---- types without a JSON form ----------------------------------------------------------

    public static TheoryData<WitType> TypesWithoutJson() =>
    [
        new WitType.Own(), new WitType.Borrow(), new WitType.Map(WitType.String, WitType.U32),
        new WitType.Future(null), new WitType.Stream(WitType.U8), new WitType.ErrorContext(), new WitType.FixedLengthList(WitType.U8),
    ];

    [Theory]
    [MemberData(nameof(TypesWithoutJson))]
    public void FromJson_TypeWithoutJsonForm_SaysSo(WitType type) =>
        Assert.Contains("cannot be passed as JSON", ReadFails("null", type).Message, StringComparison.Ordinal);

    [Fact]
    public void FromJson_OwnHandleInsideRecord_NamesPath() =>
        Assert.Equal(
            "argument 'x' at $.handle: own<resource> cannot be passed as JSON",
            ReadFails("""{"handle": 1}""", WitType.RecordOf(("handle", new WitType.Own()))).Message);

    // ---- ToJson mismatches ------------------------------------------------------------------

    [Fact]
    public void ToJson_ValueOfOtherKind_Throws() => Assert.Throws<WitJsonException>(() => WitJson.ToJson(ComponentValue.U32(1), WitType.String));

    [Fact]
    public void ToJson_UnknownEnumCase_Throws() => Assert.Throws<WitJsonException>(() => WitJson.ToJson(ComponentValue.Enum("platinum"), Tier));

    [Fact]
    public void ToJson_UnknownVariantCase_Throws() => Assert.Throws<WitJsonException>(() => WitJson.ToJson(ComponentValue.Variant("stop", null!), Decision));

    [Fact]
    public void ToJson_RecordMissingField_NamesField() =>
        Assert.Contains("no field 'qty'", Assert.Throws<WitJsonException>(() =>
            WitJson.ToJson(ComponentValue.Record([new("id", ComponentValue.String("a"))]), Order)).Message, StringComparison.Ordinal);

    // ---- arguments --------------------------------------------------------------------------

    private static readonly ComponentFunctionSignature Add = ComponentFunctionSignature.Of(WitType.U32, ("a", WitType.U32), ("b", WitType.U32));

    private static readonly ComponentFunctionSignature Discount = ComponentFunctionSignature.Of(WitType.ResultOf(WitType.String, WitType.String), ("cart", Cart));

    [Fact]
    public void ArgumentsFromJson_MatchingArray_ConvertsEachInOrder() =>
        Assert.Equal([40u, 2u], WitJson.ArgumentsFromJson(Json("[40, 2]"), Add).Select(v => v.AsU32()));

    [Fact]
    public void ArgumentsFromJson_WrongCount_NamesExpectedAndGot() =>
        Assert.Equal(
            "arguments at $: expected 2 arguments (func(a: u32, b: u32) -> u32), got 3",
            Assert.Throws<WitJsonException>(() => WitJson.ArgumentsFromJson(Json("[1, 2, 3]"), Add)).Message);

    [Fact]
    public void ArgumentsFromJson_NotAnArray_IsRejected() =>
        Assert.Throws<WitJsonException>(() => WitJson.ArgumentsFromJson(Json("""{"a": 1, "b": 2}"""), Add));

    [Fact]
    public void ArgumentsFromJson_NoParameters_AcceptsEmptyArray() =>
        Assert.Empty(WitJson.ArgumentsFromJson(Json("[]"), ComponentFunctionSignature.Of(null)));

    [Fact]
    public void ArgumentsFromJson_DeepMismatch_NamesArgumentAndPath()
    {
        const string cart = """
            [{"customer": {"id": "c1", "tier": "gold"},
              "lines": [{"sku": "a", "quantity": 1, "unit-price-cents": 100},
                        {"sku": "b", "quantity": 2, "unit-price-cents": 50},
                        {"sku": "c", "quantity": "x", "unit-price-cents": 10}]}]
            """;

        var exception = Assert.Throws<WitJsonException>(() => WitJson.ArgumentsFromJson(Json(cart), Discount));

        Assert.Equal("argument 'cart' at $.lines[2].quantity: expected u32, got string \"x\"", exception.Message);
        Assert.Equal("argument 'cart'", exception.Subject);
        Assert.Equal("$.lines[2].quantity", exception.JsonPath);
    }

    [Fact]
    public void RoundTrip_Cart_IsNormalised()
    {
        const string cart = """
            {"lines": [{"unit-price-cents": 100, "sku": "a", "quantity": 2}],
             "customer": {"id": "c1", "tier": "gold", "country": "NL"}}
            """;

        Assert.Equal(
            """{"customer":{"id":"c1","tier":"gold","country":"NL"},"lines":[{"sku":"a","quantity":2,"unit-price-cents":100}],"coupon":null}""",
            RoundTrip(cart, Cart));
    }

    private static WitType Primitive(string name) => name switch
    {
        "s8" => WitType.S8,
        "s16" => WitType.S16,
        "s32" => WitType.S32,
        "s64" => WitType.S64,
        "u8" => WitType.U8,
        "u16" => WitType.U16,
        "u32" => WitType.U32,
        "u64" => WitType.U64,
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
