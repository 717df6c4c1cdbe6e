using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// A WIT value type as Wasmtime's component type API reports it: an immutable tree compared
/// structurally (two records are equal when their field names and field types are equal, in order).
/// </summary>
/// <remarks>
/// The component type API is structural: it does not report the names of named WIT types
/// (<c>record cart</c> arrives as <c>record { customer: ..., lines: ..., coupon: ... }</c>), nor
/// which resource an <c>own</c>/<c>borrow</c> handle refers to. Two different resources therefore
/// compare equal here.
/// </remarks>
public abstract record WitType
{
    private protected WitType()
    {
    }

    /// <summary><c>bool</c>.</summary>
    public static WitType Bool { get; } = new Primitive(WitPrimitive.Bool);

    /// <summary><c>s8</c>.</summary>
    public static WitType S8 { get; } = new Primitive(WitPrimitive.S8);

    /// <summary><c>s16</c>.</summary>
    public static WitType S16 { get; } = new Primitive(WitPrimitive.S16);

    /// <summary><c>s32</c>.</summary>
    public static WitType S32 { get; } = new Primitive(WitPrimitive.S32);

    /// <summary><c>s64</c>.</summary>
    public static WitType S64 { get; } = new Primitive(WitPrimitive.S64);

    /// <summary><c>u8</c>.</summary>
    public static WitType U8 { get; } = new Primitive(WitPrimitive.U8);

    /// <summary><c>u16</c>.</summary>
    public static WitType U16 { get; } = new Primitive(WitPrimitive.U16);

    /// <summary><c>u32</c>.</summary>
    public static WitType U32 { get; } = new Primitive(WitPrimitive.U32);

    /// <summary><c>u64</c>.</summary>
    public static WitType U64 { get; } = new Primitive(WitPrimitive.U64);

    /// <summary><c>f32</c>.</summary>
    public static WitType F32 { get; } = new Primitive(WitPrimitive.F32);

    /// <summary><c>f64</c>.</summary>
    public static WitType F64 { get; } = new Primitive(WitPrimitive.F64);

    /// <summary><c>char</c>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The WIT type is called char.")]
    public static WitType Char { get; } = new Primitive(WitPrimitive.Char);

    /// <summary><c>string</c>.</summary>
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The WIT type is called string.")]
    public static WitType String { get; } = new Primitive(WitPrimitive.String);

    /// <summary>Creates <c>list&lt;element&gt;</c>.</summary>
    /// <param name="element">The element type.</param>
    /// <returns>The list type.</returns>
    public static WitType ListOf(WitType element) => new List(element);

    /// <summary>Creates <c>option&lt;inner&gt;</c>.</summary>
    /// <param name="inner">The type of the <c>some</c> payload.</param>
    /// <returns>The option type.</returns>
    public static WitType OptionOf(WitType inner) => new Option(inner);

    /// <summary>Creates <c>result&lt;ok, err&gt;</c>; pass <see langword="null"/> for <c>_</c>.</summary>
    /// <param name="ok">The <c>ok</c> payload type, or <see langword="null"/> for none.</param>
    /// <param name="err">The <c>err</c> payload type, or <see langword="null"/> for none.</param>
    /// <returns>The result type.</returns>
    public static WitType ResultOf(WitType? ok, WitType? err) => new Result(ok, err);

    /// <summary>Creates <c>tuple&lt;...&gt;</c>.</summary>
    /// <param name="types">The element types, in order.</param>
    /// <returns>The tuple type.</returns>
    public static WitType TupleOf(params ReadOnlySpan<WitType> types) => new Tuple([.. types]);

    /// <summary>Creates a <c>record</c> from its fields, in declaration order.</summary>
    /// <param name="fields">The fields' names and types.</param>
    /// <returns>The record type.</returns>
    public static WitType RecordOf(params ReadOnlySpan<(string Name, WitType Type)> fields)
    {
        var builder = ImmutableArray.CreateBuilder<WitField>(fields.Length);
        foreach (var (name, type) in fields)
        {
            builder.Add(new WitField(name, type));
        }

        return new Record(builder.MoveToImmutable());
    }

    /// <summary>Creates a <c>variant</c> from its cases, in declaration order.</summary>
    /// <param name="cases">The cases' names and payload types (<see langword="null"/> for no payload).</param>
    /// <returns>The variant type.</returns>
    public static WitType VariantOf(params ReadOnlySpan<(string Name, WitType? Payload)> cases)
    {
        var builder = ImmutableArray.CreateBuilder<WitCase>(cases.Length);
        foreach (var (name, payload) in cases)
        {
            builder.Add(new WitCase(name, payload));
        }

        return new Variant(builder.MoveToImmutable());
    }

    /// <summary>Creates an <c>enum</c> from its case names, in declaration order.</summary>
    /// <param name="names">The case names.</param>
    /// <returns>The enum type.</returns>
    public static WitType EnumOf(params ReadOnlySpan<string> names) => new Enum([.. names]);

    /// <summary>Creates a <c>flags</c> type from its flag names, in declaration order.</summary>
    /// <param name="names">The flag names.</param>
    /// <returns>The flags type.</returns>
    public static WitType FlagsOf(params ReadOnlySpan<string> names) => new Flags([.. names]);

    /// <summary>Renders the type as WIT-like text, see <see cref="WitTypeFormatter"/>.</summary>
    /// <returns>The text.</returns>
    public sealed override string ToString() => WitTypeFormatter.Format(this);

    /// <summary>A primitive type.</summary>
    /// <param name="Kind">Which primitive.</param>
    public sealed record Primitive(WitPrimitive Kind) : WitType;

    /// <summary><c>list&lt;T&gt;</c>.</summary>
    /// <param name="Element">The element type.</param>
    public sealed record List(WitType Element) : WitType;

    /// <summary>
    /// <c>list&lt;T, N&gt;</c>. Wasmtime 50's C API does not report the length, and no engine
    /// configuration reachable from .NET enables the feature, so this only appears in theory.
    /// </summary>
    /// <param name="Element">The element type.</param>
    public sealed record FixedLengthList(WitType Element) : WitType;

    /// <summary><c>record { ... }</c>.</summary>
    /// <param name="Fields">The fields in declaration order.</param>
    public sealed record Record(ImmutableArray<WitField> Fields) : WitType
    {
        /// <inheritdoc/>
        public bool Equals(Record? other) => other is not null && StructuralEquality.SequenceEqual(Fields, other.Fields);

        /// <inheritdoc/>
        public override int GetHashCode() => StructuralEquality.Hash(Fields);
    }

    /// <summary><c>tuple&lt;...&gt;</c>.</summary>
    /// <param name="Types">The element types in order.</param>
    public sealed record Tuple(ImmutableArray<WitType> Types) : WitType
    {
        /// <inheritdoc/>
        public bool Equals(Tuple? other) => other is not null && StructuralEquality.SequenceEqual(Types, other.Types);

        /// <inheritdoc/>
        public override int GetHashCode() => StructuralEquality.Hash(Types);
    }

    /// <summary><c>variant { ... }</c>.</summary>
    /// <param name="Cases">The cases in declaration order.</param>
    public sealed record Variant(ImmutableArray<WitCase> Cases) : WitType
    {
        /// <inheritdoc/>
        public bool Equals(Variant? other) => other is not null && StructuralEquality.SequenceEqual(Cases, other.Cases);

        /// <inheritdoc/>
        public override int GetHashCode() => StructuralEquality.Hash(Cases);
    }

    /// <summary><c>enum { ... }</c>.</summary>
    /// <param name="Names">The case names in declaration order.</param>
    [SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The WIT type is called enum.")]
    public sealed record Enum(ImmutableArray<string> Names) : WitType
    {
        /// <inheritdoc/>
        public bool Equals(Enum? other) => other is not null && StructuralEquality.SequenceEqual(Names, other.Names);

        /// <inheritdoc/>
        public override int GetHashCode() => StructuralEquality.Hash(Names);
    }

    /// <summary><c>option&lt;T&gt;</c>.</summary>
    /// <param name="Inner">The type of the <c>some</c> payload.</param>
    public sealed record Option(WitType Inner) : WitType;

    /// <summary><c>result&lt;T, E&gt;</c>; a <see langword="null"/> side has no payload (<c>_</c>).</summary>
    /// <param name="Ok">The <c>ok</c> payload type, if any.</param>
    /// <param name="Err">The <c>err</c> payload type, if any.</param>
    public sealed record Result(WitType? Ok, WitType? Err) : WitType;

    /// <summary><c>flags { ... }</c>.</summary>
    /// <param name="Names">The flag names in declaration order.</param>
    public sealed record Flags(ImmutableArray<string> Names) : WitType
    {
        /// <inheritdoc/>
        public bool Equals(Flags? other) => other is not null && StructuralEquality.SequenceEqual(Names, other.Names);

        /// <inheritdoc/>
        public override int GetHashCode() => StructuralEquality.Hash(Names);
    }

    /// <summary><c>own&lt;R&gt;</c> for a resource whose name the type API does not report.</summary>
    public sealed record Own : WitType;

    /// <summary><c>borrow&lt;R&gt;</c> for a resource whose name the type API does not report.</summary>
    public sealed record Borrow : WitType;

    /// <summary><c>map&lt;K, V&gt;</c> (behind a Wasmtime feature flag; not convertible to JSON).</summary>
    /// <param name="Key">The key type.</param>
    /// <param name="Value">The value type.</param>
    public sealed record Map(WitType Key, WitType Value) : WitType;

    /// <summary><c>future&lt;T&gt;</c> (component-model async; not convertible to JSON).</summary>
    /// <param name="Payload">The payload type, if any.</param>
    public sealed record Future(WitType? Payload) : WitType;

    /// <summary><c>stream&lt;T&gt;</c> (component-model async; not convertible to JSON).</summary>
    /// <param name="Payload">The element type, if any.</param>
    [SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The WIT type is called stream.")]
    public sealed record Stream(WitType? Payload) : WitType;

    /// <summary><c>error-context</c> (component-model async; not convertible to JSON).</summary>
    public sealed record ErrorContext : WitType;
}
