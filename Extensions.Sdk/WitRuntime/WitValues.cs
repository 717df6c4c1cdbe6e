using System.ComponentModel;
using Wasmtime.Components;

namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>
/// Conversions between .NET values and <see cref="ComponentValue"/> that generated codecs compose:
/// lists, options, results, tuples, record fields and variant payloads. Mismatches throw
/// <see cref="WitValueException"/> (or Wasmtime's <see cref="InvalidOperationException"/> for a value of another kind).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class WitValues
{
    /// <summary>Applies <paramref name="encode"/>; lets generated code convert an expression once.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="encode">The conversion.</param>
    /// <returns>The component value.</returns>
    public static ComponentValue Encode<T>(T value, Func<T, ComponentValue> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        return encode(value);
    }

    /// <summary>Applies <paramref name="decode"/>; lets generated code convert an expression once.</summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="value">The component value.</param>
    /// <param name="decode">The conversion.</param>
    /// <returns>The value.</returns>
    public static T Decode<T>(ComponentValue value, Func<ComponentValue, T> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        return decode(value);
    }

    /// <summary><c>list&lt;T&gt;</c> from a list.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="items">The elements.</param>
    /// <param name="encode">Converts one element.</param>
    /// <returns>The list value.</returns>
    public static ComponentValue FromList<T>(IReadOnlyList<T> items, Func<T, ComponentValue> encode)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(encode);
        var values = new ComponentValue[items.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = encode(items[i]);
        }

        return ComponentValue.List(values);
    }

    /// <summary>A list from <c>list&lt;T&gt;</c>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="value">The list value.</param>
    /// <param name="decode">Converts one element.</param>
    /// <returns>The elements.</returns>
    public static IReadOnlyList<T> ToList<T>(ComponentValue value, Func<ComponentValue, T> decode)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(decode);
        var items = value.AsList();
        var result = new T[items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = decode(items[i]);
        }

        return result;
    }

    /// <summary><c>list&lt;u8&gt;</c> from bytes.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The list value.</returns>
    public static ComponentValue FromBytes(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return ComponentValue.List(Array.ConvertAll(bytes, ComponentValue.U8));
    }

    /// <summary>Bytes from <c>list&lt;u8&gt;</c>.</summary>
    /// <param name="value">The list value.</param>
    /// <returns>The bytes.</returns>
    public static byte[] ToBytes(ComponentValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var items = value.AsList();
        var bytes = new byte[items.Count];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = items[i].AsU8();
        }

        return bytes;
    }

    /// <summary><c>option&lt;T&gt;</c> from a nullable reference.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="value">The value; <see langword="null"/> is <c>none</c>.</param>
    /// <param name="encode">Converts the payload.</param>
    /// <returns>The option value.</returns>
    public static ComponentValue FromNullable<T>(T? value, Func<T, ComponentValue> encode)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(encode);
        return value is null ? ComponentValue.None() : ComponentValue.Some(encode(value));
    }

    /// <summary><c>option&lt;T&gt;</c> from a nullable value type.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="value">The value; <see langword="null"/> is <c>none</c>.</param>
    /// <param name="encode">Converts the payload.</param>
    /// <returns>The option value.</returns>
    public static ComponentValue FromNullableValue<T>(T? value, Func<T, ComponentValue> encode)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(encode);
        return value is { } some ? ComponentValue.Some(encode(some)) : ComponentValue.None();
    }

    /// <summary>A nullable reference from <c>option&lt;T&gt;</c>.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="value">The option value.</param>
    /// <param name="decode">Converts the payload.</param>
    /// <returns>The payload, or <see langword="null"/> for <c>none</c>.</returns>
    public static T? ToNullable<T>(ComponentValue value, Func<ComponentValue, T> decode)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(decode);
        return Expect(value, ComponentValueKind.Option).IsSome ? decode(Payload(value)) : null;
    }

    /// <summary>A nullable value type from <c>option&lt;T&gt;</c>.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="value">The option value.</param>
    /// <param name="decode">Converts the payload.</param>
    /// <returns>The payload, or <see langword="null"/> for <c>none</c>.</returns>
    public static T? ToNullableValue<T>(ComponentValue value, Func<ComponentValue, T> decode)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(decode);
        return Expect(value, ComponentValueKind.Option).IsSome ? decode(Payload(value)) : null;
    }

    /// <summary><c>option&lt;T&gt;</c> from an <see cref="Option{T}"/>.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="value">The option.</param>
    /// <param name="encode">Converts the payload.</param>
    /// <returns>The option value.</returns>
    public static ComponentValue FromOption<T>(Option<T> value, Func<T, ComponentValue> encode)
    {
        ArgumentNullException.ThrowIfNull(encode);
        return value.HasValue ? ComponentValue.Some(encode(value.Value)) : ComponentValue.None();
    }

    /// <summary>An <see cref="Option{T}"/> from <c>option&lt;T&gt;</c>.</summary>
    /// <typeparam name="T">The payload type.</typeparam>
    /// <param name="value">The option value.</param>
    /// <param name="decode">Converts the payload.</param>
    /// <returns>The option.</returns>
    public static Option<T> ToOption<T>(ComponentValue value, Func<ComponentValue, T> decode)
    {
        ArgumentNullException.ThrowIfNull(decode);
        return Expect(value, ComponentValueKind.Option).IsSome ? Option<T>.Some(decode(Payload(value))) : Option<T>.None;
    }

    /// <summary><c>result&lt;T, E&gt;</c> from a <see cref="Result{TOk, TErr}"/>.</summary>
    /// <typeparam name="TOk">The <c>ok</c> type (<see cref="Unit"/> for none).</typeparam>
    /// <typeparam name="TErr">The <c>err</c> type (<see cref="Unit"/> for none).</typeparam>
    /// <param name="value">The result.</param>
    /// <param name="encodeOk">Converts the <c>ok</c> payload; <see langword="null"/> when the WIT type has none.</param>
    /// <param name="encodeErr">Converts the <c>err</c> payload; <see langword="null"/> when the WIT type has none.</param>
    /// <returns>The result value.</returns>
    public static ComponentValue FromResult<TOk, TErr>(Result<TOk, TErr> value, Func<TOk, ComponentValue>? encodeOk, Func<TErr, ComponentValue>? encodeErr)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.IsOk
            ? ComponentValue.Ok(encodeOk is null ? null! : encodeOk(value.Value))
            : ComponentValue.Err(encodeErr is null ? null! : encodeErr(value.Error));
    }

    /// <summary>A <see cref="Result{TOk, TErr}"/> from <c>result&lt;T, E&gt;</c>.</summary>
    /// <typeparam name="TOk">The <c>ok</c> type (<see cref="Unit"/> for none).</typeparam>
    /// <typeparam name="TErr">The <c>err</c> type (<see cref="Unit"/> for none).</typeparam>
    /// <param name="value">The result value.</param>
    /// <param name="decodeOk">Converts the <c>ok</c> payload; <see langword="null"/> when the WIT type has none.</param>
    /// <param name="decodeErr">Converts the <c>err</c> payload; <see langword="null"/> when the WIT type has none.</param>
    /// <returns>The result.</returns>
    public static Result<TOk, TErr> ToResult<TOk, TErr>(ComponentValue value, Func<ComponentValue, TOk>? decodeOk, Func<ComponentValue, TErr>? decodeErr) =>
        Expect(value, ComponentValueKind.Result).IsOk
            ? Result<TOk, TErr>.Ok(decodeOk is null ? default! : decodeOk(Payload(value)))
            : Result<TOk, TErr>.Err(decodeErr is null ? default! : decodeErr(Payload(value)));

    /// <summary>The elements of a tuple value, checking their number.</summary>
    /// <param name="value">The tuple value.</param>
    /// <param name="count">The number of elements the WIT type has.</param>
    /// <returns>The elements.</returns>
    public static IReadOnlyList<ComponentValue> TupleItems(ComponentValue value, int count)
    {
        ArgumentNullException.ThrowIfNull(value);
        var items = value.AsTuple();
        return items.Count == count ? items : throw new WitValueException($"Expected a tuple of {count} values, got {items.Count}.");
    }

    /// <summary>A field of a record value.</summary>
    /// <param name="value">The record value.</param>
    /// <param name="name">The field's WIT name.</param>
    /// <returns>The field's value.</returns>
    public static ComponentValue Field(ComponentValue value, string name)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Expect(value, ComponentValueKind.Record).TryGetField(name, out var field) && field is not null
            ? field
            : throw new WitValueException($"The record value has no field '{name}'.");
    }

    /// <summary>The payload of a variant case, <c>some</c> or result side that must have one.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The payload.</returns>
    public static ComponentValue Payload(ComponentValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Payload ?? throw new WitValueException($"The {value.Kind} value has no payload.");
    }

    /// <summary>The return value of a function that returns one.</summary>
    /// <param name="value">What the invoker returned.</param>
    /// <param name="interfaceName">The interface, for the message.</param>
    /// <param name="function">The function, for the message.</param>
    /// <returns>The value.</returns>
    public static ComponentValue Returned(ComponentValue? value, string interfaceName, string function) =>
        value ?? throw new WitValueException($"{interfaceName}#{function} returned no value.");

    /// <summary>The exception for a case name that the WIT type does not declare.</summary>
    /// <param name="type">The WIT type name.</param>
    /// <param name="name">The case name found.</param>
    /// <returns>The exception to throw.</returns>
    public static WitValueException UnknownCase(string type, string name) => new($"'{name}' is not a case of {type}.");

    /// <summary>The exception for a .NET value that is not one of the generated cases (an undefined enum value, an unknown subclass).</summary>
    /// <param name="type">The WIT type name.</param>
    /// <param name="value">The value.</param>
    /// <returns>The exception to throw.</returns>
    public static WitValueException NotACase(string type, object? value) => new($"{value ?? "null"} is not a value of {type}.");

    private static ComponentValue Expect(ComponentValue value, ComponentValueKind kind)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Kind == kind ? value : throw new WitValueException($"Expected a {kind} value, got {value.Kind}.");
    }
}
