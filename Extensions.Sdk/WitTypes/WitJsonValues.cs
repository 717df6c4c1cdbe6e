using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>
/// The JSON form of WIT values (<c>docs/json-mapping.md</c>) that generated <c>…Json</c> classes compose:
/// primitives, lists, options, results, tuples, records, variants, enums and flags. It mirrors the host's
/// converter (<c>ExtensibilityHost.Core.Components.WitJson</c>) rule for rule: input is read strictly
/// and the same way, output is the host's canonical form, and a mismatch throws
/// <see cref="WitJsonValueException"/> with the host's wording and JSON path. No reflection.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WitJsonValues
{
    /// <summary><c>f32</c>: a number, or <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode FromF32(float value) => float.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(NonFinite(value));

    /// <summary><c>f64</c>: a number, or <c>"NaN"</c>, <c>"Infinity"</c>, <c>"-Infinity"</c>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode FromF64(double value) => double.IsFinite(value) ? JsonValue.Create(value) : JsonValue.Create(NonFinite(value));

    /// <summary><c>char</c>: a string of one Unicode scalar value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode FromChar(Rune value) => JsonValue.Create(value.ToString());

    /// <summary><c>string</c>.</summary>
    /// <param name="value">The value; not <see langword="null"/>.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="WitValueException"><paramref name="value"/> is <see langword="null"/> (a WIT string cannot be).</exception>
    public static JsonNode FromString(string value) => JsonValue.Create(value ?? throw new WitValueException("A WIT string cannot be null."));

    /// <summary><c>list&lt;u8&gt;</c>: always an array of numbers.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var items = new JsonNode?[bytes.Length];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = JsonValue.Create(bytes[i]);
        }

        return new JsonArray(items);
    }

    /// <summary><c>list&lt;T&gt;</c>: an array.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    /// <param name="encode">Converts one element.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode FromList<T>(IReadOnlyList<T> items, Func<T, JsonNode?> encode)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(encode);
        var nodes = new JsonNode?[items.Count];
        for (var i = 0; i < nodes.Length; i++)
        {
            nodes[i] = encode(items[i]);
        }

        return new JsonArray(nodes);
    }

    /// <summary><c>option&lt;T&gt;</c> from a nullable reference: <see langword="null"/> is JSON <c>null</c>, anything else the value itself.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="encode">Converts the payload.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode? FromNullable<T>(T? value, Func<T, JsonNode?> encode)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(encode);
        return value is null ? null : encode(value);
    }

    /// <summary><c>option&lt;T&gt;</c> from a nullable value type: <see langword="null"/> is JSON <c>null</c>, anything else the value itself.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="encode">Converts the payload.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode? FromNullableValue<T>(T? value, Func<T, JsonNode?> encode)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(encode);
        return value is { } some ? encode(some) : null;
    }

    /// <summary><c>option&lt;option&lt;…&gt;&gt;</c>: <c>none</c> is <c>null</c>, <c>some(v)</c> is <c>{"some": v}</c>.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="value">The option.</param>
    /// <param name="encode">Converts the payload.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode? FromOption<T>(Option<T> value, Func<T, JsonNode?> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        return value.HasValue ? new JsonObject { ["some"] = encode(value.Value) } : null;
    }

    /// <summary><c>result&lt;T, E&gt;</c>: <c>{"ok": v}</c> or <c>{"err": v}</c>, <c>null</c> for a side without payload.</summary>
    /// <typeparam name="TOk">The <c>ok</c> type (<see cref="Unit"/> for none).</typeparam>
    /// <typeparam name="TErr">The <c>err</c> type (<see cref="Unit"/> for none).</typeparam>
    /// <param name="value">The result.</param>
    /// <param name="encodeOk">Converts the <c>ok</c> payload; <see langword="null"/> when the WIT type has none.</param>
    /// <param name="encodeErr">Converts the <c>err</c> payload; <see langword="null"/> when the WIT type has none.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode FromResult<TOk, TErr>(Result<TOk, TErr> value, Func<TOk, JsonNode?>? encodeOk, Func<TErr, JsonNode?>? encodeErr)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IsOk
            ? new JsonObject { ["ok"] = encodeOk?.Invoke(value.Value) }
            : new JsonObject { ["err"] = encodeErr?.Invoke(value.Error) };
    }

    /// <summary>Applies <paramref name="encode"/>; lets generated code convert an expression once.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="encode">The conversion.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode? Encode<T>(T value, Func<T, JsonNode?> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        return encode(value);
    }

    /// <summary><c>tuple&lt;…&gt;</c>: an array of the elements.</summary>
    /// <param name="items">The elements' JSON.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode Tuple(params JsonNode?[] items) => new JsonArray(items);

    /// <summary>A variant case without payload: <c>{"tag": "case"}</c>.</summary>
    /// <param name="tag">The case name.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode Variant(string tag) => new JsonObject { ["tag"] = tag };

    /// <summary>A variant case with payload: <c>{"tag": "case", "value": payload}</c>.</summary>
    /// <param name="tag">The case name.</param>
    /// <param name="value">The payload's JSON.</param>
    /// <returns>The JSON.</returns>
    public static JsonNode Variant(string tag, JsonNode? value) => new JsonObject { ["tag"] = tag, ["value"] = value };

    /// <summary><c>flags</c>: the names of the set flags, in declaration order.</summary>
    /// <param name="bits">Flag <c>i</c> is bit <c>i</c>.</param>
    /// <param name="names">The flag names, in declaration order.</param>
    /// <param name="type">The WIT type, for the message.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="WitValueException">A bit is set that names no flag.</exception>
    public static JsonNode FromFlags(ulong bits, IReadOnlyList<string> names, string type)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count < 64 && bits >> names.Count != 0)
        {
            throw new WitValueException($"{bits} is not a value of {type}.");
        }

        var array = new JsonArray();
        for (var i = 0; i < names.Count; i++)
        {
            if ((bits & (1UL << i)) != 0)
            {
                array.Add(names[i]);
            }
        }

        return array;
    }

    /// <summary><c>bool</c> from JSON.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static bool ToBool(JsonNode? json) => Kind(json) switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Mismatch("bool", json),
    };

    /// <summary><c>s8</c> from JSON.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static sbyte ToS8(JsonNode? json) => (sbyte)ReadSigned(json, "s8", sbyte.MinValue, sbyte.MaxValue);

    /// <summary><c>s16</c> from JSON.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static short ToS16(JsonNode? json) => (short)ReadSigned(json, "s16", short.MinValue, short.MaxValue);

    /// <summary><c>s32</c> from JSON.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static int ToS32(JsonNode? json) => (int)ReadSigned(json, "s32", int.MinValue, int.MaxValue);

    /// <summary><c>s64</c> from JSON: a number, or a decimal string for clients whose numbers are doubles.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static long ToS64(JsonNode? json) => ReadSigned(json, "s64", long.MinValue, long.MaxValue);

    /// <summary><c>u8</c> from JSON.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static byte ToU8(JsonNode? json) => (byte)ReadUnsigned(json, "u8", byte.MaxValue);

    /// <summary><c>u16</c> from JSON.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static ushort ToU16(JsonNode? json) => (ushort)ReadUnsigned(json, "u16", ushort.MaxValue);

    /// <summary><c>u32</c> from JSON.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static uint ToU32(JsonNode? json) => (uint)ReadUnsigned(json, "u32", uint.MaxValue);

    /// <summary><c>u64</c> from JSON: a number, or a decimal string for clients whose numbers are doubles.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static ulong ToU64(JsonNode? json) => ReadUnsigned(json, "u64", ulong.MaxValue);

    /// <summary><c>f32</c> from JSON; a finite number outside its range is refused, not rounded to infinity.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static float ToF32(JsonNode? json)
    {
        var value = ReadFloat(json, "f32");
        var narrowed = (float)value;
        return float.IsInfinity(narrowed) && !double.IsInfinity(value) ? throw Mismatch("f32", json, "out of range for f32") : narrowed;
    }

    /// <summary><c>f64</c> from JSON.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static double ToF64(JsonNode? json) => ReadFloat(json, "f64");

    /// <summary><c>char</c> from JSON: a string of exactly one Unicode scalar value.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static Rune ToChar(JsonNode? json)
    {
        if (Kind(json) != JsonValueKind.String)
        {
            throw Mismatch("char", json);
        }

        var text = Text(json!);
        return Rune.DecodeFromUtf16(text, out var rune, out var consumed) == System.Buffers.OperationStatus.Done && consumed == text.Length
            ? rune
            : throw Mismatch("char", json, "not exactly one Unicode scalar value");
    }

    /// <summary><c>string</c> from JSON.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The value.</returns>
    public static string ToText(JsonNode? json) => Kind(json) == JsonValueKind.String ? Text(json!) : throw Mismatch("string", json);

    /// <summary><c>list&lt;u8&gt;</c> from JSON: an array of numbers or a base64 string.</summary>
    /// <param name="json">The JSON.</param>
    /// <returns>The bytes.</returns>
    public static byte[] ToBytes(JsonNode? json)
    {
        if (Kind(json) == JsonValueKind.String)
        {
            return Element(json!).TryGetBytesFromBase64(out var bytes) ? bytes : throw Mismatch("list<u8>", json, "not valid base64");
        }

        var array = json as JsonArray ?? throw Mismatch("list<u8> (an array)", json);
        var result = new byte[array.Count];
        for (var i = 0; i < result.Length; i++)
        {
            try
            {
                result[i] = ToU8(array[i]);
            }
            catch (WitJsonValueException exception)
            {
                throw exception.AtIndex(i);
            }
        }

        return result;
    }

    /// <summary><c>list&lt;T&gt;</c> from JSON: an array.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <param name="decode">Converts one element.</param>
    /// <param name="expected">The type as messages describe it, e.g. <c>list&lt;u32&gt; (an array)</c>.</param>
    /// <returns>The elements.</returns>
    public static IReadOnlyList<T> ToList<T>(JsonNode? json, Func<JsonNode?, T> decode, string expected)
    {
        ArgumentNullException.ThrowIfNull(decode);
        var array = json as JsonArray ?? throw Mismatch(expected, json);
        var result = new T[array.Count];
        for (var i = 0; i < result.Length; i++)
        {
            try
            {
                result[i] = decode(array[i]);
            }
            catch (WitJsonValueException exception)
            {
                throw exception.AtIndex(i);
            }
        }

        return result;
    }

    /// <summary><c>option&lt;T&gt;</c> as a nullable reference from JSON: <c>null</c> is <c>none</c>.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <param name="decode">Converts the payload.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static T? ToNullable<T>(JsonNode? json, Func<JsonNode?, T> decode)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(decode);
        return Kind(json) == JsonValueKind.Null ? null : decode(json);
    }

    /// <summary><c>option&lt;T&gt;</c> as a nullable value type from JSON: <c>null</c> is <c>none</c>.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <param name="decode">Converts the payload.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public static T? ToNullableValue<T>(JsonNode? json, Func<JsonNode?, T> decode)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(decode);
        return Kind(json) == JsonValueKind.Null ? null : decode(json);
    }

    /// <summary><c>option&lt;option&lt;…&gt;&gt;</c> from JSON: <c>null</c> or <c>{"some": value}</c>.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <param name="decode">Converts the payload.</param>
    /// <returns>The option.</returns>
    public static Option<T> ToOption<T>(JsonNode? json, Func<JsonNode?, T> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        if (Kind(json) == JsonValueKind.Null)
        {
            return Option<T>.None;
        }

        if (json is not JsonObject { Count: 1 } some || !some.TryGetPropertyValue("some", out var inner))
        {
            throw Mismatch("option<option<...>>: null or {\"some\": value}", json);
        }

        try
        {
            return Option<T>.Some(decode(inner));
        }
        catch (WitJsonValueException exception)
        {
            throw exception.AtProperty("some");
        }
    }

    /// <summary><c>result&lt;T, E&gt;</c> from JSON: <c>{"ok": value}</c> or <c>{"err": value}</c>.</summary>
    /// <typeparam name="TOk">The <c>ok</c> type (<see cref="Unit"/> for none).</typeparam>
    /// <typeparam name="TErr">The <c>err</c> type (<see cref="Unit"/> for none).</typeparam>
    /// <param name="json">The JSON.</param>
    /// <param name="decodeOk">Converts the <c>ok</c> payload; <see langword="null"/> when the WIT type has none.</param>
    /// <param name="decodeErr">Converts the <c>err</c> payload; <see langword="null"/> when the WIT type has none.</param>
    /// <returns>The result.</returns>
    public static Result<TOk, TErr> ToResult<TOk, TErr>(JsonNode? json, Func<JsonNode?, TOk>? decodeOk, Func<JsonNode?, TErr>? decodeErr)
    {
        const string Expected = "result ({\"ok\": value} or {\"err\": value})";
        if (json is not JsonObject { Count: 1 } result)
        {
            throw Mismatch(Expected, json);
        }

        var (side, payload) = result.First();
        if (side is not ("ok" or "err"))
        {
            throw Mismatch(Expected, json);
        }

        try
        {
            return side == "ok"
                ? Result<TOk, TErr>.Ok(Side(payload, decodeOk))
                : Result<TOk, TErr>.Err(Side(payload, decodeErr));
        }
        catch (WitJsonValueException exception)
        {
            throw exception.AtProperty(side);
        }
    }

    /// <summary>Applies <paramref name="decode"/>; lets generated code convert an expression once.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="json">The JSON.</param>
    /// <param name="decode">The conversion.</param>
    /// <returns>The value.</returns>
    public static T Decode<T>(JsonNode? json, Func<JsonNode?, T> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        return decode(json);
    }

    /// <summary>The elements of a <c>tuple&lt;…&gt;</c>: an array of exactly <paramref name="count"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="count">The number of elements the WIT type has.</param>
    /// <returns>The array.</returns>
    public static JsonArray TupleItems(JsonNode? json, int count)
    {
        var expected = $"tuple of {count.ToString(CultureInfo.InvariantCulture)} (an array)";
        var array = json as JsonArray ?? throw Mismatch(expected, json);
        return array.Count == count
            ? array
            : throw new WitJsonValueException($"expected {expected}, got an array of {array.Count.ToString(CultureInfo.InvariantCulture)}");
    }

    /// <summary>One element of a tuple, with its index in error paths.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The tuple's array.</param>
    /// <param name="index">The element's index.</param>
    /// <param name="decode">Converts the element.</param>
    /// <returns>The element.</returns>
    public static T Item<T>(JsonArray items, int index, Func<JsonNode?, T> decode)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(decode);
        try
        {
            return decode(items[index]);
        }
        catch (WitJsonValueException exception)
        {
            throw exception.AtIndex(index);
        }
    }

    /// <summary>A record's object: refuses anything but an object whose properties are all <paramref name="fields"/>.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="fields">The WIT field names.</param>
    /// <param name="expected">The record as messages describe it.</param>
    /// <returns>The object.</returns>
    public static JsonObject Record(JsonNode? json, IReadOnlyList<string> fields, string expected)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var record = json as JsonObject ?? throw Mismatch(expected, json);
        foreach (var (name, _) in record)
        {
            if (!Contains(fields, name))
            {
                throw new WitJsonValueException($"unknown field; {expected}").AtProperty(name);
            }
        }

        return record;
    }

    /// <summary>A record field that must be present.</summary>
    /// <typeparam name="T">The field type.</typeparam>
    /// <param name="record">The record's object.</param>
    /// <param name="name">The WIT field name.</param>
    /// <param name="decode">Converts the field.</param>
    /// <param name="expected">The field's type as messages describe it.</param>
    /// <returns>The field's value.</returns>
    public static T Field<T>(JsonObject record, string name, Func<JsonNode?, T> decode, string expected)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(decode);
        if (!record.TryGetPropertyValue(name, out var json))
        {
            throw new WitJsonValueException($"missing field '{name}' ({expected})");
        }

        try
        {
            return decode(json);
        }
        catch (WitJsonValueException exception)
        {
            throw exception.AtProperty(name);
        }
    }

    /// <summary>A record field of option type: a missing field is <c>none</c>.</summary>
    /// <typeparam name="T">The field type.</typeparam>
    /// <param name="record">The record's object.</param>
    /// <param name="name">The WIT field name.</param>
    /// <param name="decode">Converts the field (given JSON <c>null</c> when it is missing).</param>
    /// <returns>The field's value.</returns>
    public static T OptionalField<T>(JsonObject record, string name, Func<JsonNode?, T> decode)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(decode);
        record.TryGetPropertyValue(name, out var json);
        try
        {
            return decode(json);
        }
        catch (WitJsonValueException exception)
        {
            throw exception.AtProperty(name);
        }
    }

    /// <summary>
    /// A variant's case: <c>{"tag": "case", "value": payload}</c>, or for a case without payload
    /// <c>{"tag": "case"}</c>, <c>{"tag": "case", "value": null}</c> or the bare string <c>"case"</c>.
    /// </summary>
    /// <param name="json">The JSON.</param>
    /// <param name="cases">The case names, in declaration order.</param>
    /// <param name="payloads">Per case, its payload type as messages describe it, or <see langword="null"/> for a case without payload.</param>
    /// <param name="expected">The variant as messages describe it.</param>
    /// <returns>The case and its payload.</returns>
    public static WitJsonCase Case(JsonNode? json, IReadOnlyList<string> cases, IReadOnlyList<string?> payloads, string expected)
    {
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentNullException.ThrowIfNull(payloads);
        if (Kind(json) == JsonValueKind.String)
        {
            var name = Text(json!);
            var bare = FindCase(cases, name);
            return payloads[bare] is null
                ? new WitJsonCase(bare, null)
                : throw new WitJsonValueException($"case '{name}' has a payload; write {{\"tag\": \"{name}\", \"value\": ...}}");
        }

        var variant = json as JsonObject ?? throw Mismatch(expected, json);
        JsonNode? tag = null;
        JsonNode? payload = null;
        var hasPayload = false;
        foreach (var (name, value) in variant)
        {
            switch (name)
            {
                case "tag":
                    tag = value;
                    break;
                case "value":
                    payload = value;
                    hasPayload = true;
                    break;
                default:
                    throw new WitJsonValueException($"unexpected property; {expected}").AtProperty(name);
            }
        }

        if (Kind(tag) != JsonValueKind.String)
        {
            throw new WitJsonValueException($"missing \"tag\"; {expected}");
        }

        int index;
        try
        {
            index = FindCase(cases, Text(tag!));
        }
        catch (WitJsonValueException exception)
        {
            throw exception.AtProperty("tag");
        }

        if (payloads[index] is not { } payloadType)
        {
            return !hasPayload || Kind(payload) == JsonValueKind.Null
                ? new WitJsonCase(index, null)
                : throw new WitJsonValueException($"case '{cases[index]}' has no payload; remove \"value\"");
        }

        return hasPayload
            ? new WitJsonCase(index, payload)
            : throw new WitJsonValueException($"case '{cases[index]}' needs \"value\" ({payloadType})");
    }

    /// <summary>A variant case's payload, with <c>.value</c> in error paths.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="json">The payload's JSON.</param>
    /// <param name="decode">Converts the payload.</param>
    /// <returns>The payload.</returns>
    public static T Payload<T>(JsonNode? json, Func<JsonNode?, T> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        try
        {
            return decode(json);
        }
        catch (WitJsonValueException exception)
        {
            throw exception.AtProperty("value");
        }
    }

    /// <summary>An enum case from JSON: its name as a string.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="names">The case names, in declaration order.</param>
    /// <param name="expected">The enum as messages describe it.</param>
    /// <returns>The case's index.</returns>
    public static int EnumCase(JsonNode? json, IReadOnlyList<string> names, string expected)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (Kind(json) == JsonValueKind.String)
        {
            var name = Text(json!);
            for (var i = 0; i < names.Count; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }
        }

        throw Mismatch(expected, json);
    }

    /// <summary><c>flags</c> from JSON: an array of the names of the set flags, any order, no duplicates.</summary>
    /// <param name="json">The JSON.</param>
    /// <param name="names">The flag names, in declaration order.</param>
    /// <param name="expected">The flags type as messages describe it.</param>
    /// <returns>The set flags, flag <c>i</c> as bit <c>i</c>.</returns>
    public static ulong FlagBits(JsonNode? json, IReadOnlyList<string> names, string expected)
    {
        ArgumentNullException.ThrowIfNull(names);
        var array = json as JsonArray ?? throw Mismatch(expected, json);
        var bits = 0UL;
        for (var i = 0; i < array.Count; i++)
        {
            var item = array[i];
            var name = Kind(item) == JsonValueKind.String ? Text(item!) : throw Mismatch("a flag name", item).AtIndex(i);
            var flag = IndexOf(names, name);
            if (flag < 0)
            {
                throw new WitJsonValueException($"unknown flag \"{name}\"; expected any of {Quoted(names)}").AtIndex(i);
            }

            if ((bits & (1UL << flag)) != 0)
            {
                throw new WitJsonValueException($"flag \"{name}\" is listed twice").AtIndex(i);
            }

            bits |= 1UL << flag;
        }

        return bits;
    }

    /// <summary>Decodes a function's return value, naming the function in errors.</summary>
    /// <typeparam name="T">The return type.</typeparam>
    /// <param name="json">What the invoker returned.</param>
    /// <param name="interfaceName">The interface.</param>
    /// <param name="function">The function.</param>
    /// <param name="decode">Converts the value.</param>
    /// <returns>The value.</returns>
    public static T Returned<T>(JsonNode? json, string interfaceName, string function, Func<JsonNode?, T> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        try
        {
            return decode(json);
        }
        catch (WitJsonValueException exception)
        {
            throw exception.About($"result of {interfaceName}#{function}");
        }
    }

    /// <summary>The exception for a .NET value that is not one of the generated cases (an undefined enum value, an unknown subclass).</summary>
    /// <param name="type">The WIT type name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The exception to throw.</returns>
    public static WitValueException NotACase(string type, object? value) => new($"{value ?? "null"} is not a value of {type}.");

    private static T Side<T>(JsonNode? payload, Func<JsonNode?, T>? decode)
    {
        if (decode is not null)
        {
            return decode(payload);
        }

        return Kind(payload) == JsonValueKind.Null
            ? default!
            : throw new WitJsonValueException($"this side of the result has no payload; write null, got {Describe(payload)}");
    }

    private static long ReadSigned(JsonNode? json, string name, long min, long max)
    {
        long value;
        switch (Kind(json))
        {
            case JsonValueKind.Number:
                var number = Element(json!);
                if (!number.TryGetInt64(out value))
                {
                    throw Mismatch(name, json, IsIntegerLiteral(number) ? $"out of range {min}..{max}" : "not an integer");
                }

                break;
            case JsonValueKind.String when max == long.MaxValue:
                // A minus sign only, as the host reads it (docs/json-mapping.md).
                if (Text(json!) is ['+', ..] || !long.TryParse(Text(json!), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
                {
                    throw Mismatch(name, json, $"not a decimal integer in range {min}..{max}");
                }

                break;
            default:
                throw Mismatch(name, json);
        }

        return value >= min && value <= max ? value : throw Mismatch(name, json, $"out of range {min}..{max}");
    }

    private static ulong ReadUnsigned(JsonNode? json, string name, ulong max)
    {
        ulong value;
        switch (Kind(json))
        {
            case JsonValueKind.Number:
                var number = Element(json!);
                if (!number.TryGetUInt64(out value))
                {
                    throw Mismatch(name, json, IsIntegerLiteral(number) ? $"out of range 0..{max}" : "not an integer");
                }

                break;
            case JsonValueKind.String when max == ulong.MaxValue:
                if (!ulong.TryParse(Text(json!), NumberStyles.None, CultureInfo.InvariantCulture, out value))
                {
                    throw Mismatch(name, json, $"not a decimal integer in range 0..{max}");
                }

                break;
            default:
                throw Mismatch(name, json);
        }

        return value <= max ? value : throw Mismatch(name, json, $"out of range 0..{max}");
    }

    private static bool IsIntegerLiteral(JsonElement number) => number.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static double ReadFloat(JsonNode? json, string name)
    {
        switch (Kind(json))
        {
            case JsonValueKind.Number:
                // Numbers beyond the double range parse to infinity; only the strings below may mean infinity.
                return Element(json!).TryGetDouble(out var value) && double.IsFinite(value) ? value : throw Mismatch(name, json, $"out of range for {name}");
            case JsonValueKind.String:
                return Text(json!) switch
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

    private static int FindCase(IReadOnlyList<string> cases, string name)
    {
        var index = IndexOf(cases, name);
        return index >= 0 ? index : throw new WitJsonValueException($"unknown case \"{name}\"; expected one of {Quoted(cases)}");
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Contains(IReadOnlyList<string> names, string name) => IndexOf(names, name) >= 0;

    private static JsonValueKind Kind(JsonNode? json) => json?.GetValueKind() ?? JsonValueKind.Null;

    /// <summary>
    /// A JSON value as the host sees it. Parsed JSON (what HTTP answers hold) is backed by a
    /// <see cref="JsonElement"/> already; a value built in memory is written and read back once, so
    /// numbers are judged by their JSON text exactly as the host judges them.
    /// </summary>
    private static JsonElement Element(JsonNode json)
    {
        if (json is JsonValue value && value.TryGetValue<JsonElement>(out var element))
        {
            return element;
        }

        using var document = JsonDocument.Parse(json.ToJsonString());
        return document.RootElement.Clone();
    }

    /// <summary>The text of a JSON string; like the host, an unpaired surrogate escape is refused.</summary>
    private static string Text(JsonNode json)
    {
        try
        {
            return json is JsonValue value && value.TryGetValue<string>(out var text) ? text : Element(json).GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new WitJsonValueException("a string contains an unpaired UTF-16 surrogate");
        }
    }

    private static WitJsonValueException Mismatch(string expected, JsonNode? json, string? detail = null) =>
        new(detail is null ? $"expected {expected}, got {Describe(json)}" : $"expected {expected}, got {Describe(json)} ({detail})");

    private static string Describe(JsonNode? json) => Kind(json) switch
    {
        JsonValueKind.String => $"string {Shorten(Raw(json!))}",
        JsonValueKind.Number => $"number {Shorten(Raw(json!))}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "nothing",
    };

    private static string Raw(JsonNode json) => json is JsonValue value && value.TryGetValue<JsonElement>(out var element) ? element.GetRawText() : json.ToJsonString();

    private static string Shorten(string raw) => raw.Length <= 40 ? raw : string.Concat(raw.AsSpan(0, 37), "...");

    private static string Quoted(IReadOnlyList<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    private static string NonFinite(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
}
