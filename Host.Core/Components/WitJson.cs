using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// Converts between JSON and component values, driven by the WIT types of the function being
/// called (as reported by <see cref="ComponentInspector"/>). The mapping is documented in
/// <c>docs/json-mapping.md</c>; in short:
/// <list type="table">
/// <listheader><term>WIT</term><description>JSON</description></listheader>
/// <item><term><c>bool</c></term><description><c>true</c> / <c>false</c></description></item>
/// <item><term><c>s8</c>…<c>s64</c>, <c>u8</c>…<c>u64</c></term><description>
/// an integer number in range, without fraction or exponent (<c>1.0</c> and <c>1e2</c> are rejected);
/// <c>s64</c>/<c>u64</c> also accept a decimal string (<c>"18446744073709551615"</c>) for clients whose
/// numbers are doubles. Output is always a number.</description></item>
/// <item><term><c>f32</c>, <c>f64</c></term><description>a number; NaN and infinities as the strings
/// <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c> (both ways). A finite number outside the f32 range is rejected.</description></item>
/// <item><term><c>char</c></term><description>a string of exactly one Unicode scalar value</description></item>
/// <item><term><c>string</c></term><description>a string</description></item>
/// <item><term><c>list&lt;T&gt;</c></term><description>an array; <c>list&lt;u8&gt;</c> also accepts a base64 string.
/// Output is always an array.</description></item>
/// <item><term><c>tuple&lt;...&gt;</c></term><description>an array of exactly that length</description></item>
/// <item><term><c>record</c></term><description>an object with the WIT field names (kebab-case, as declared).
/// Unknown and duplicate fields are errors; a missing field is an error unless its type is
/// <c>option&lt;T&gt;</c>, which is then <c>none</c>. Output lists every field in declaration order.</description></item>
/// <item><term><c>variant</c></term><description><c>{"tag": "case", "value": payload}</c>; a case without
/// payload is <c>{"tag": "case"}</c> (input also accepts the bare string <c>"case"</c> and <c>"value": null</c>).</description></item>
/// <item><term><c>enum</c></term><description>the case name as a string</description></item>
/// <item><term><c>option&lt;T&gt;</c></term><description><c>null</c> for <c>none</c>, the value itself for
/// <c>some</c>; when <c>T</c> is itself an option, <c>some</c> is written <c>{"some": value}</c> so that
/// <c>none</c>, <c>some(none)</c> and <c>some(some(x))</c> are <c>null</c>, <c>{"some": null}</c>, <c>{"some": x}</c>.</description></item>
/// <item><term><c>result&lt;T, E&gt;</c></term><description><c>{"ok": value}</c> or <c>{"err": value}</c>,
/// with <c>null</c> as the value of a side without payload.</description></item>
/// <item><term><c>flags</c></term><description>an array of the names of the set flags (output in declaration order)</description></item>
/// <item><term>resources, <c>map</c>, fixed-length lists, <c>future</c>, <c>stream</c>, <c>error-context</c></term>
/// <description>not convertible: an error naming the type</description></item>
/// </list>
/// Every mismatch throws <see cref="WitJsonException"/> naming the subject and the JSON path.
/// </summary>
public static class WitJson
{
    /// <summary>Converts one JSON value to a component value of the given type.</summary>
    /// <param name="json">The JSON value.</param>
    /// <param name="type">Its WIT type.</param>
    /// <param name="subject">What the value is, for error messages, e.g. <c>argument 'cart'</c>.</param>
    /// <returns>The component value.</returns>
    /// <exception cref="WitJsonException">The JSON does not fit the type.</exception>
    public static ComponentValue FromJson(JsonElement json, WitType type, string subject)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(subject);
        return new Conversion(subject).Read(json, type);
    }

    /// <summary>Converts a JSON array of arguments to the parameters of a function.</summary>
    /// <param name="arguments">A JSON array with one value per parameter, in order.</param>
    /// <param name="signature">The function's signature.</param>
    /// <returns>The component values, one per parameter.</returns>
    /// <exception cref="WitJsonException">
    /// <paramref name="arguments"/> is not an array, has the wrong length, or an argument does not fit its type.
    /// </exception>
    public static IReadOnlyList<ComponentValue> ArgumentsFromJson(JsonElement arguments, ComponentFunctionSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var parameters = signature.Parameters;
        if (arguments.ValueKind != JsonValueKind.Array)
        {
            throw new WitJsonException("arguments", "$", $"expected an array of {Count(parameters.Length)} ({WitTypeFormatter.Format(signature)}), got {Conversion.Describe(arguments)}");
        }

        var count = arguments.GetArrayLength();
        if (count != parameters.Length)
        {
            throw new WitJsonException("arguments", "$", $"expected {Count(parameters.Length)} ({WitTypeFormatter.Format(signature)}), got {count}");
        }

        var values = new ComponentValue[count];
        var index = 0;
        foreach (var argument in arguments.EnumerateArray())
        {
            var parameter = parameters[index];
            values[index++] = new Conversion($"argument '{parameter.Name}'").Read(argument, parameter.Type);
        }

        return values;
    }

    /// <summary>Converts a component value (usually a function's result) to JSON.</summary>
    /// <param name="value">The component value.</param>
    /// <param name="type">Its WIT type.</param>
    /// <returns>The JSON; <see langword="null"/> stands for JSON <c>null</c> (an option's <c>none</c>, a result side without payload).</returns>
    /// <exception cref="WitJsonException">The value does not fit the type, or the type has no JSON form.</exception>
    public static JsonNode? ToJson(ComponentValue value, WitType type)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(type);
        return new Conversion("value").Write(value, type);
    }

    private static string Count(int parameters) => parameters == 1 ? "1 argument" : $"{parameters} arguments";

    /// <summary>
    /// One conversion: walks the value and type trees together, keeping the JSON path as a stack of
    /// segments that only becomes a string when an error is reported.
    /// </summary>
    private sealed class Conversion(string subject)
    {
        private readonly List<(string? Property, int Index)> path = [];

        public ComponentValue Read(JsonElement json, WitType type) => type switch
        {
            WitType.Primitive primitive => ReadPrimitive(json, primitive.Kind),
            WitType.List list => ReadList(json, list),
            WitType.Record record => ReadRecord(json, record),
            WitType.Tuple tuple => ReadTuple(json, tuple),
            WitType.Variant variant => ReadVariant(json, variant),
            WitType.Enum @enum => ReadEnum(json, @enum),
            WitType.Option option => ReadOption(json, option),
            WitType.Result result => ReadResult(json, result),
            WitType.Flags flags => ReadFlags(json, flags),
            _ => throw Fail($"{WitTypeFormatter.Format(type)} cannot be passed as JSON"),
        };

        public JsonNode? Write(ComponentValue value, WitType type) => type switch
        {
            WitType.Primitive primitive => WritePrimitive(value, primitive.Kind),
            WitType.List list => WriteItems(Expect(value, ComponentValueKind.List, type).AsList(), list.Element),
            WitType.Record record => WriteRecord(Expect(value, ComponentValueKind.Record, type), record),
            WitType.Tuple tuple => WriteTuple(Expect(value, ComponentValueKind.Tuple, type).AsTuple(), tuple),
            WitType.Variant variant => WriteVariant(Expect(value, ComponentValueKind.Variant, type), variant),
            WitType.Enum @enum => WriteEnum(Expect(value, ComponentValueKind.Enum, type).AsEnum(), @enum),
            WitType.Option option => WriteOption(Expect(value, ComponentValueKind.Option, type), option),
            WitType.Result result => WriteResult(Expect(value, ComponentValueKind.Result, type), result),
            WitType.Flags flags => WriteFlags(Expect(value, ComponentValueKind.Flags, type).AsFlags(), flags),
            _ => throw Fail($"{WitTypeFormatter.Format(type)} cannot be written as JSON"),
        };

        private ComponentValue ReadPrimitive(JsonElement json, WitPrimitive kind) => kind switch
        {
            WitPrimitive.Bool => json.ValueKind switch
            {
                JsonValueKind.True => ComponentValue.Bool(true),
                JsonValueKind.False => ComponentValue.Bool(false),
                _ => throw Mismatch("bool", json),
            },
            WitPrimitive.S8 => ComponentValue.S8((sbyte)ReadSigned(json, "s8", sbyte.MinValue, sbyte.MaxValue)),
            WitPrimitive.S16 => ComponentValue.S16((short)ReadSigned(json, "s16", short.MinValue, short.MaxValue)),
            WitPrimitive.S32 => ComponentValue.S32((int)ReadSigned(json, "s32", int.MinValue, int.MaxValue)),
            WitPrimitive.S64 => ComponentValue.S64(ReadSigned(json, "s64", long.MinValue, long.MaxValue)),
            WitPrimitive.U8 => ComponentValue.U8((byte)ReadUnsigned(json, "u8", byte.MaxValue)),
            WitPrimitive.U16 => ComponentValue.U16((ushort)ReadUnsigned(json, "u16", ushort.MaxValue)),
            WitPrimitive.U32 => ComponentValue.U32((uint)ReadUnsigned(json, "u32", uint.MaxValue)),
            WitPrimitive.U64 => ComponentValue.U64(ReadUnsigned(json, "u64", ulong.MaxValue)),
            WitPrimitive.F32 => ComponentValue.F32(ReadF32(json)),
            WitPrimitive.F64 => ComponentValue.F64(ReadFloat(json, "f64")),
            WitPrimitive.Char => ComponentValue.Char(ReadChar(json)),
            WitPrimitive.String => json.ValueKind == JsonValueKind.String
                ? ComponentValue.String(Text(json))
                : throw Mismatch("string", json),
            _ => throw Fail($"unknown WIT primitive {kind}"),
        };

        private long ReadSigned(JsonElement json, string name, long min, long max)
        {
            long value;
            if (json.ValueKind == JsonValueKind.Number)
            {
                if (!json.TryGetInt64(out value))
                {
                    throw Mismatch(name, json, IsIntegerLiteral(json) ? $"out of range {min}..{max}" : "not an integer");
                }
            }
            else if (json.ValueKind == JsonValueKind.String && max == long.MaxValue)
            {
                // A minus sign only: docs/json-mapping.md takes no '+', as JSON numbers take none.
                if (Text(json) is ['+', ..] || !long.TryParse(Text(json), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
                {
                    throw Mismatch(name, json, $"not a decimal integer in range {min}..{max}");
                }
            }
            else
            {
                throw Mismatch(name, json);
            }

            return value >= min && value <= max ? value : throw Mismatch(name, json, $"out of range {min}..{max}");
        }

        private ulong ReadUnsigned(JsonElement json, string name, ulong max)
        {
            ulong value;
            if (json.ValueKind == JsonValueKind.Number)
            {
                if (!json.TryGetUInt64(out value))
                {
                    throw Mismatch(name, json, IsIntegerLiteral(json) ? $"out of range 0..{max}" : "not an integer");
                }
            }
            else if (json.ValueKind == JsonValueKind.String && max == ulong.MaxValue)
            {
                if (!ulong.TryParse(Text(json), NumberStyles.None, CultureInfo.InvariantCulture, out value))
                {
                    throw Mismatch(name, json, $"not a decimal integer in range 0..{max}");
                }
            }
            else
            {
                throw Mismatch(name, json);
            }

            return value <= max ? value : throw Mismatch(name, json, $"out of range 0..{max}");
        }

        private static bool IsIntegerLiteral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

        private float ReadF32(JsonElement json)
        {
            var value = ReadFloat(json, "f32");
            var narrowed = (float)value;
            return float.IsInfinity(narrowed) && !double.IsInfinity(value) ? throw Mismatch("f32", json, "out of range for f32") : narrowed;
        }

        private double ReadFloat(JsonElement json, string name)
        {
            switch (json.ValueKind)
            {
                case JsonValueKind.Number:
                    // Numbers beyond the double range parse to infinity; only the strings below may mean infinity.
                    return json.TryGetDouble(out var value) && double.IsFinite(value) ? value : throw Mismatch(name, json, $"out of range for {name}");
                case JsonValueKind.String:
                    return Text(json) switch
                    {
                        "NaN" => double.NaN,
                        "Infinity" => double.PositiveInfinity,
                        "-Infinity" => double.NegativeInfinity,
                        _ => throw Mismatch(name, json, "only \"NaN\", \"Infinity\" and \"-Infinity\" may be strings"),
                    };
                default:
                    throw Mismatch(name, json);
            }
        }

        private Rune ReadChar(JsonElement json)
        {
            if (json.ValueKind != JsonValueKind.String)
            {
                throw Mismatch("char", json);
            }

            var text = Text(json);
            return Rune.DecodeFromUtf16(text, out var rune, out var consumed) == System.Buffers.OperationStatus.Done && consumed == text.Length
                ? rune
                : throw Mismatch("char", json, "not exactly one Unicode scalar value");
        }

        private ComponentValue ReadList(JsonElement json, WitType.List list)
        {
            if (json.ValueKind == JsonValueKind.String && list.Element == WitType.U8)
            {
                return json.TryGetBytesFromBase64(out var bytes)
                    ? ComponentValue.List(Array.ConvertAll(bytes, ComponentValue.U8))
                    : throw Mismatch("list<u8>", json, "not valid base64");
            }

            if (json.ValueKind != JsonValueKind.Array)
            {
                throw Mismatch(Expected(list), json);
            }

            var items = new List<ComponentValue>(json.GetArrayLength());
            foreach (var item in json.EnumerateArray())
            {
                path.Add((null, items.Count));
                items.Add(Read(item, list.Element));
                path.RemoveAt(path.Count - 1);
            }

            return ComponentValue.List(items);
        }

        private ComponentValue ReadTuple(JsonElement json, WitType.Tuple tuple)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                throw Mismatch(Expected(tuple), json);
            }

            if (json.GetArrayLength() != tuple.Types.Length)
            {
                throw Fail($"expected {Expected(tuple)}, got an array of {json.GetArrayLength()}");
            }

            var items = new List<ComponentValue>(tuple.Types.Length);
            foreach (var item in json.EnumerateArray())
            {
                path.Add((null, items.Count));
                items.Add(Read(item, tuple.Types[items.Count]));
                path.RemoveAt(path.Count - 1);
            }

            return ComponentValue.Tuple(items);
        }

        private ComponentValue ReadRecord(JsonElement json, WitType.Record record)
        {
            if (json.ValueKind != JsonValueKind.Object)
            {
                throw Mismatch(Expected(record), json);
            }

            var present = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in json.EnumerateObject())
            {
                var name = Name(property);
                if (!record.Fields.Any(f => f.Name == name))
                {
                    path.Add((name, 0));
                    throw Fail($"unknown field; {Expected(record)}");
                }

                if (!present.TryAdd(name, property.Value))
                {
                    path.Add((name, 0));
                    throw Fail("duplicate field");
                }
            }

            var fields = new List<KeyValuePair<string, ComponentValue>>(record.Fields.Length);
            foreach (var field in record.Fields)
            {
                ComponentValue value;
                if (present.TryGetValue(field.Name, out var element))
                {
                    path.Add((field.Name, 0));
                    value = Read(element, field.Type);
                    path.RemoveAt(path.Count - 1);
                }
                else
                {
                    value = field.Type is WitType.Option
                        ? ComponentValue.None()
                        : throw Fail($"missing field '{field.Name}' ({Expected(field.Type)})");
                }

                fields.Add(new(field.Name, value));
            }

            return ComponentValue.Record(fields);
        }

        private ComponentValue ReadVariant(JsonElement json, WitType.Variant variant)
        {
            if (json.ValueKind == JsonValueKind.String)
            {
                var name = Text(json);
                var bare = FindCase(variant, name);
                return bare.Payload is null
                    ? ComponentValue.Variant(bare.Name, null!)
                    : throw Fail($"case '{name}' has a payload; write {{\"tag\": \"{name}\", \"value\": ...}}");
            }

            if (json.ValueKind != JsonValueKind.Object)
            {
                throw Mismatch(Expected(variant), json);
            }

            JsonElement? tag = null;
            JsonElement? payload = null;
            foreach (var property in json.EnumerateObject())
            {
                var name = Name(property);
                switch (name)
                {
                    case "tag" when tag is null:
                        tag = property.Value;
                        break;
                    case "value" when payload is null:
                        payload = property.Value;
                        break;
                    default:
                        path.Add((name, 0));
                        throw Fail($"unexpected property; {Expected(variant)}");
                }
            }

            if (tag is not { ValueKind: JsonValueKind.String } tagName)
            {
                throw Fail($"missing \"tag\"; {Expected(variant)}");
            }

            path.Add(("tag", 0));
            var @case = FindCase(variant, Text(tagName));
            path.RemoveAt(path.Count - 1);
            if (@case.Payload is null)
            {
                return payload is null or { ValueKind: JsonValueKind.Null }
                    ? ComponentValue.Variant(@case.Name, null!)
                    : throw Fail($"case '{@case.Name}' has no payload; remove \"value\"");
            }

            if (payload is not { } value)
            {
                throw Fail($"case '{@case.Name}' needs \"value\" ({Expected(@case.Payload)})");
            }

            path.Add(("value", 0));
            var converted = Read(value, @case.Payload);
            path.RemoveAt(path.Count - 1);
            return ComponentValue.Variant(@case.Name, converted);
        }

        private WitCase FindCase(WitType.Variant variant, string name)
        {
            foreach (var @case in variant.Cases)
            {
                if (@case.Name == name)
                {
                    return @case;
                }
            }

            throw Fail($"unknown case \"{name}\"; expected one of {Quoted(variant.Cases.Select(c => c.Name))}");
        }

        private ComponentValue ReadEnum(JsonElement json, WitType.Enum @enum)
        {
            var name = json.ValueKind == JsonValueKind.String ? Text(json) : null;
            return name is not null && @enum.Names.Contains(name) ? ComponentValue.Enum(name) : throw Mismatch(Expected(@enum), json);
        }

        private ComponentValue ReadOption(JsonElement json, WitType.Option option)
        {
            if (json.ValueKind == JsonValueKind.Null)
            {
                return ComponentValue.None();
            }

            if (option.Inner is not WitType.Option)
            {
                return ComponentValue.Some(Read(json, option.Inner));
            }

            // option<option<T>>: `null` alone cannot tell none from some(none), so some is explicit.
            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("some", out var inner) || CountProperties(json) != 1)
            {
                throw Mismatch("option<option<...>>: null or {\"some\": value}", json);
            }

            path.Add(("some", 0));
            var value = Read(inner, option.Inner);
            path.RemoveAt(path.Count - 1);
            return ComponentValue.Some(value);
        }

        private ComponentValue ReadResult(JsonElement json, WitType.Result result)
        {
            if (json.ValueKind != JsonValueKind.Object || CountProperties(json) != 1)
            {
                throw Mismatch(Expected(result), json);
            }

            var property = json.EnumerateObject().First();
            var side = Name(property);
            var (isOk, type) = side switch
            {
                "ok" => (true, result.Ok),
                "err" => (false, result.Err),
                _ => throw Mismatch(Expected(result), json),
            };

            path.Add((side, 0));
            ComponentValue? payload = null;
            if (type is null)
            {
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    throw Fail($"this side of the result has no payload; write null, got {Describe(property.Value)}");
                }
            }
            else
            {
                payload = Read(property.Value, type);
            }

            path.RemoveAt(path.Count - 1);
            return isOk ? ComponentValue.Ok(payload!) : ComponentValue.Err(payload!);
        }

        private ComponentValue ReadFlags(JsonElement json, WitType.Flags flags)
        {
            if (json.ValueKind != JsonValueKind.Array)
            {
                throw Mismatch(Expected(flags), json);
            }

            var set = new HashSet<string>(StringComparer.Ordinal);
            var index = 0;
            foreach (var item in json.EnumerateArray())
            {
                path.Add((null, index++));
                var name = item.ValueKind == JsonValueKind.String ? Text(item) : throw Mismatch("a flag name", item);
                if (!flags.Names.Contains(name))
                {
                    throw Fail($"unknown flag \"{name}\"; expected any of {Quoted(flags.Names)}");
                }

                if (!set.Add(name))
                {
                    throw Fail($"flag \"{name}\" is listed twice");
                }

                path.RemoveAt(path.Count - 1);
            }

            return ComponentValue.Flags([.. flags.Names.Where(set.Contains)]);
        }

        private JsonValue WritePrimitive(ComponentValue value, WitPrimitive kind) => kind switch
        {
            WitPrimitive.Bool => JsonValue.Create(Expect(value, ComponentValueKind.Bool, kind).AsBool()),
            WitPrimitive.S8 => JsonValue.Create(Expect(value, ComponentValueKind.S8, kind).AsS8()),
            WitPrimitive.S16 => JsonValue.Create(Expect(value, ComponentValueKind.S16, kind).AsS16()),
            WitPrimitive.S32 => JsonValue.Create(Expect(value, ComponentValueKind.S32, kind).AsS32()),
            WitPrimitive.S64 => JsonValue.Create(Expect(value, ComponentValueKind.S64, kind).AsS64()),
            WitPrimitive.U8 => JsonValue.Create(Expect(value, ComponentValueKind.U8, kind).AsU8()),
            WitPrimitive.U16 => JsonValue.Create(Expect(value, ComponentValueKind.U16, kind).AsU16()),
            WitPrimitive.U32 => JsonValue.Create(Expect(value, ComponentValueKind.U32, kind).AsU32()),
            WitPrimitive.U64 => JsonValue.Create(Expect(value, ComponentValueKind.U64, kind).AsU64()),
            WitPrimitive.F32 => WriteF32(Expect(value, ComponentValueKind.F32, kind).AsF32()),
            WitPrimitive.F64 => WriteF64(Expect(value, ComponentValueKind.F64, kind).AsF64()),
            WitPrimitive.Char => JsonValue.Create(Expect(value, ComponentValueKind.Char, kind).AsRune().ToString()),
            WitPrimitive.String => JsonValue.Create(Expect(value, ComponentValueKind.String, kind).AsString()),
            _ => throw Fail($"unknown WIT primitive {kind}"),
        };

        private static JsonValue WriteF32(float value) =>
            float.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(NonFinite(value));

        private static JsonValue WriteF64(double value) =>
            double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(NonFinite(value));

        private static string NonFinite(double value) =>
            double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";

        private JsonArray WriteItems(IReadOnlyList<ComponentValue> items, WitType element)
        {
            var array = new JsonArray();
            for (var i = 0; i < items.Count; i++)
            {
                path.Add((null, i));
                array.Add(Write(items[i], element));
                path.RemoveAt(path.Count - 1);
            }

            return array;
        }

        private JsonArray WriteTuple(IReadOnlyList<ComponentValue> items, WitType.Tuple tuple)
        {
            if (items.Count != tuple.Types.Length)
            {
                throw Fail($"expected a tuple of {tuple.Types.Length}, got {items.Count} values");
            }

            var array = new JsonArray();
            for (var i = 0; i < items.Count; i++)
            {
                path.Add((null, i));
                array.Add(Write(items[i], tuple.Types[i]));
                path.RemoveAt(path.Count - 1);
            }

            return array;
        }

        private JsonObject WriteRecord(ComponentValue value, WitType.Record record)
        {
            var json = new JsonObject();
            foreach (var field in record.Fields)
            {
                if (!value.TryGetField(field.Name, out var fieldValue) || fieldValue is null)
                {
                    throw Fail($"the record value has no field '{field.Name}'");
                }

                path.Add((field.Name, 0));
                json[field.Name] = Write(fieldValue, field.Type);
                path.RemoveAt(path.Count - 1);
            }

            return json;
        }

        private JsonObject WriteVariant(ComponentValue value, WitType.Variant variant)
        {
            var @case = FindCase(variant, value.AsVariant());
            var json = new JsonObject { ["tag"] = @case.Name };
            if (@case.Payload is not null)
            {
                path.Add(("value", 0));
                json["value"] = Write(value.Payload ?? throw Fail($"case '{@case.Name}' has no payload value"), @case.Payload);
                path.RemoveAt(path.Count - 1);
            }

            return json;
        }

        private JsonValue WriteEnum(string name, WitType.Enum @enum) =>
            @enum.Names.Contains(name) ? JsonValue.Create(name) : throw Fail($"unknown enum case \"{name}\"; expected one of {Quoted(@enum.Names)}");

        private JsonNode? WriteOption(ComponentValue value, WitType.Option option)
        {
            if (!value.IsSome)
            {
                return null;
            }

            var payload = value.Payload ?? throw Fail("some without a payload value");
            if (option.Inner is not WitType.Option)
            {
                return Write(payload, option.Inner);
            }

            path.Add(("some", 0));
            var json = new JsonObject { ["some"] = Write(payload, option.Inner) };
            path.RemoveAt(path.Count - 1);
            return json;
        }

        private JsonObject WriteResult(ComponentValue value, WitType.Result result)
        {
            var (name, type) = value.IsOk ? ("ok", result.Ok) : ("err", result.Err);
            path.Add((name, 0));
            var payload = type is null ? null : Write(value.Payload ?? throw Fail($"{name} without a payload value"), type);
            path.RemoveAt(path.Count - 1);
            return new JsonObject { [name] = payload };
        }

        private JsonArray WriteFlags(IReadOnlyList<string> set, WitType.Flags flags)
        {
            foreach (var name in set)
            {
                if (!flags.Names.Contains(name))
                {
                    throw Fail($"unknown flag \"{name}\"; expected any of {Quoted(flags.Names)}");
                }
            }

            return [.. flags.Names.Where(set.Contains).Select(name => (JsonNode)JsonValue.Create(name))];
        }

        private ComponentValue Expect(ComponentValue value, ComponentValueKind kind, WitPrimitive primitive) =>
            value.Kind == kind ? value : throw Fail($"expected a {WitTypeFormatter.PrimitiveName(primitive)} value, got {value.Kind}");

        private ComponentValue Expect(ComponentValue value, ComponentValueKind kind, WitType type) =>
            value.Kind == kind ? value : throw Fail($"expected {Expected(type)}, got a {value.Kind} value");

        private WitJsonException Mismatch(string expected, JsonElement json, string? detail = null) =>
            Fail(detail is null ? $"expected {expected}, got {Describe(json)}" : $"expected {expected}, got {Describe(json)} ({detail})");

        private WitJsonException Fail(string problem) => new(subject, FormatPath(), problem);

        private string FormatPath()
        {
            var text = new StringBuilder("$");
            foreach (var (property, index) in path)
            {
                if (property is null)
                {
                    text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else if (property.Length > 0 && property.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
                {
                    text.Append('.').Append(property);
                }
                else
                {
                    text.Append('[').Append(JsonSerializer.Serialize(property)).Append(']');
                }
            }

            return text.ToString();
        }

        /// <summary>
        /// The text of a JSON string; System.Text.Json parses an unpaired surrogate escape such as
        /// <c>"\\ud83d"</c> but refuses to turn it into a .NET string.
        /// </summary>
        private string Text(JsonElement json)
        {
            try
            {
                return json.GetString()!;
            }
            catch (InvalidOperationException)
            {
                throw Fail("a string contains an unpaired UTF-16 surrogate");
            }
        }

        private string Name(JsonProperty property)
        {
            try
            {
                return property.Name;
            }
            catch (InvalidOperationException)
            {
                throw Fail("a field name contains an unpaired UTF-16 surrogate");
            }
        }

        private static int CountProperties(JsonElement json)
        {
            var count = 0;
            foreach (var property in json.EnumerateObject())
            {
                count++;
            }

            return count;
        }

        public static string Describe(JsonElement json) => json.ValueKind switch
        {
            JsonValueKind.String => $"string {Shorten(json.GetRawText())}",
            JsonValueKind.Number => $"number {Shorten(json.GetRawText())}",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => "null",
            JsonValueKind.Array => "an array",
            JsonValueKind.Object => "an object",
            _ => "nothing",
        };

        private static string Shorten(string raw) => raw.Length <= 40 ? raw : string.Concat(raw.AsSpan(0, 37), "...");

        private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

        private static string Expected(WitType type) => type switch
        {
            WitType.Primitive primitive => WitTypeFormatter.PrimitiveName(primitive.Kind),
            WitType.List list => $"list<{Expected(list.Element)}> (an array)",
            WitType.Tuple tuple => $"tuple of {tuple.Types.Length} (an array)",
            WitType.Record record => $"record (an object with {Quoted(record.Fields.Select(f => f.Name))})",
            WitType.Variant variant => $"variant {{\"tag\": one of {Quoted(variant.Cases.Select(c => c.Name))}, \"value\": ...}}",
            WitType.Enum @enum => $"one of {Quoted(@enum.Names)}",
            WitType.Option option => $"option<{Expected(option.Inner)}> (null or the value)",
            WitType.Result => "result ({\"ok\": value} or {\"err\": value})",
            WitType.Flags flags => $"flags (an array of any of {Quoted(flags.Names)})",
            _ => WitTypeFormatter.Format(type),
        };
    }
}
