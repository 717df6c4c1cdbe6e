using ExtensibilityHost.Sdk.Wit.Resolution;
using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Sdk.WitGenerator;

/// <summary>
/// Maps WIT type references to C# types and to the expressions that convert a value to and from a
/// <c>ComponentValue</c>. Aliases are followed; named records, variants, enums and flags map to their
/// generated types and codec methods.
/// </summary>
internal sealed class TypeMapper(WitResolution resolution, IReadOnlyDictionary<WitTypeDefinition, TypeBinding> bindings)
{
    public const string ComponentValue = "global::Wasmtime.Components.ComponentValue";
    public const string Runtime = "global::ExtensibilityHost.Sdk.Wit.Runtime";
    private const string Values = Runtime + ".WitValues";

    private readonly Dictionary<WitTypeDefinition, string?> _unsupported = [];

    /// <summary>Why a type cannot be generated (a resource, a handle, a map, a future…), or <see langword="null"/> when it can.</summary>
    public string? Unsupported(WitTypeRef type)
    {
        switch (type)
        {
            case WitNamedType named:
                var definition = resolution.ResolveType(named);
                return definition is null ? $"'{named.Name}' did not resolve" : Unsupported(definition);
            case WitHandleType handle:
                return $"resource handle {(handle.IsBorrow ? "borrow" : "own")}<{handle.Resource}>";
            case WitMapType:
                return "map<K, V>";
            case WitFutureType:
                return "future";
            case WitStreamType:
                return "stream";
            case WitListType { Length: not null }:
                return "fixed-length list<T, N>";
            case WitListType list:
                return Unsupported(list.Element);
            case WitOptionType option:
                return Unsupported(option.Inner);
            case WitResultType result:
                return (result.Ok is null ? null : Unsupported(result.Ok)) ?? (result.Err is null ? null : Unsupported(result.Err));
            case WitTupleType tuple:
                return tuple.Elements.Select(Unsupported).FirstOrDefault(r => r is not null);
            default:
                return null;
        }
    }

    /// <summary>Why a named type cannot be generated, or <see langword="null"/> when it can.</summary>
    public string? Unsupported(WitTypeDefinition definition)
    {
        if (_unsupported.TryGetValue(definition, out var known))
        {
            return known;
        }

        var reason = definition switch
        {
            WitResource resource => $"resource '{resource.Name}'",
            WitTypeAlias alias => Unsupported(alias.Target),
            WitRecord record => record.Fields.Select(f => Unsupported(f.Type)).FirstOrDefault(r => r is not null),
            WitVariant variant => variant.Cases.Where(c => c.Payload is not null).Select(c => Unsupported(c.Payload!)).FirstOrDefault(r => r is not null),
            WitFlags { Flags.Count: > 64 } flags => $"flags '{flags.Name}' with more than 64 flags",
            _ => null,
        };
        if (reason is null && definition is not WitTypeAlias && !bindings.ContainsKey(definition))
        {
            reason = $"'{definition.Name}' is defined in a world, not an interface";
        }

        _unsupported[definition] = reason;
        return reason;
    }

    /// <summary>The C# type of a WIT type.</summary>
    public string TypeOf(WitTypeRef type) => Shape(type) switch
    {
        (_, { } named) => bindings[named].FullName,
        (WitPrimitiveType primitive, _) => Primitive(primitive.Kind).Type,
        (WitListType { Element: var element }, _) when IsBytes(element) => "byte[]",
        (WitListType list, _) => $"global::System.Collections.Generic.IReadOnlyList<{TypeOf(list.Element)}>",
        (WitOptionType option, _) when IsOption(option.Inner) => $"{Runtime}.Option<{TypeOf(option.Inner)}>",
        (WitOptionType option, _) => TypeOf(option.Inner) + "?",
        (WitResultType result, _) => $"{Runtime}.Result<{SideType(result.Ok)}, {SideType(result.Err)}>",
        (WitTupleType { Elements.Count: 1 } tuple, _) => $"global::System.ValueTuple<{TypeOf(tuple.Elements[0])}>",
        (WitTupleType tuple, _) => "(" + string.Join(", ", tuple.Elements.Select(TypeOf)) + ")",
        _ => throw new InvalidOperationException($"No C# type for {type.GetType().Name}"),
    };

    /// <summary>Whether the C# type is a value type (so that its option is <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType(WitTypeRef type) => Shape(type) switch
    {
        (_, { } named) => bindings[named].IsValueType,
        (WitPrimitiveType primitive, _) => primitive.Kind != WitPrimitiveKind.String,
        (WitOptionType option, _) => IsOption(option.Inner) || IsValueType(option.Inner),
        (WitTupleType, _) => true,
        _ => false,
    };

    /// <summary>Whether the type contains a list outside named types: its C# equality then needs <c>WitEquality</c>.</summary>
    public bool ContainsList(WitTypeRef type) => Shape(type) switch
    {
        (_, { }) => false,
        (WitListType, _) => true,
        (WitOptionType option, _) => ContainsList(option.Inner),
        (WitResultType result, _) => (result.Ok is not null && ContainsList(result.Ok)) || (result.Err is not null && ContainsList(result.Err)),
        (WitTupleType tuple, _) => tuple.Elements.Any(ContainsList),
        _ => false,
    };

    /// <summary>An expression converting <paramref name="value"/> (of the type's C# type) to a component value.</summary>
    public string Encode(WitTypeRef type, string value, int depth)
    {
        var v = "v" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Shape(type) switch
        {
            (_, { } named) => $"{bindings[named].Codec}.Encode{bindings[named].Name}({value})",
            (WitPrimitiveType primitive, _) => $"{ComponentValue}.{Primitive(primitive.Kind).Factory}({value})",
            (WitListType { Element: var element }, _) when IsBytes(element) => $"{Values}.FromBytes({value})",
            (WitListType list, _) => $"{Values}.FromList<{TypeOf(list.Element)}>({value}, static {v} => {Encode(list.Element, v, depth + 1)})",
            (WitOptionType option, _) => $"{Values}.{(IsOption(option.Inner) ? "FromOption" : IsValueType(option.Inner) ? "FromNullableValue" : "FromNullable")}<{TypeOf(option.Inner)}>({value}, static {v} => {Encode(option.Inner, v, depth + 1)})",
            (WitResultType result, _) => $"{Values}.FromResult<{SideType(result.Ok)}, {SideType(result.Err)}>({value}, {SideEncoder(result.Ok, v, depth)}, {SideEncoder(result.Err, v, depth)})",
            (WitTupleType tuple, _) => $"{Values}.Encode<{TypeOf(tuple)}>({value}, static {v} => {ComponentValue}.Tuple(new {ComponentValue}[] {{ {string.Join(", ", tuple.Elements.Select((e, i) => Encode(e, $"{v}.Item{i + 1}", depth + 1)))} }}))",
            _ => throw new InvalidOperationException($"No encoder for {type.GetType().Name}"),
        };
    }

    /// <summary>An expression converting the component value <paramref name="value"/> to the type's C# type.</summary>
    public string Decode(WitTypeRef type, string value, int depth)
    {
        var v = "v" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
        switch (Shape(type))
        {
            case (_, { } named):
                return $"{bindings[named].Codec}.Decode{bindings[named].Name}({value})";
            case (WitPrimitiveType primitive, _):
                return $"{value}.{Primitive(primitive.Kind).Accessor}()";
            case (WitListType { Element: var element }, _) when IsBytes(element):
                return $"{Values}.ToBytes({value})";
            case (WitListType list, _):
                return $"{Values}.ToList<{TypeOf(list.Element)}>({value}, static {v} => {Decode(list.Element, v, depth + 1)})";
            case (WitOptionType option, _):
                var method = IsOption(option.Inner) ? "ToOption" : IsValueType(option.Inner) ? "ToNullableValue" : "ToNullable";
                return $"{Values}.{method}<{TypeOf(option.Inner)}>({value}, static {v} => {Decode(option.Inner, v, depth + 1)})";
            case (WitResultType result, _):
                return $"{Values}.ToResult<{SideType(result.Ok)}, {SideType(result.Err)}>({value}, {SideDecoder(result.Ok, v, depth)}, {SideDecoder(result.Err, v, depth)})";
            case (WitTupleType tuple, _):
                var items = "items" + depth.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var elements = string.Join(", ", tuple.Elements.Select((e, i) => Decode(e, $"{items}[{i}]", depth + 1)));
                var construct = tuple.Elements.Count == 1 ? $"new {TypeOf(tuple)}({elements})" : $"({elements})";
                return $"{Values}.Decode<{TypeOf(tuple)}>({value}, static {v} => {{ var {items} = {Values}.TupleItems({v}, {tuple.Elements.Count}); return {construct}; }})";
            default:
                throw new InvalidOperationException($"No decoder for {type.GetType().Name}");
        }
    }

    /// <summary>Whether the type is (an alias of) an <c>option</c>: its own option then needs <c>Option&lt;T&gt;</c>.</summary>
    public bool IsOption(WitTypeRef type) => Shape(type).Structural is WitOptionType;

    /// <summary>Follows names and aliases: either a structural type, or a named record/variant/enum/flags definition.</summary>
    public (WitTypeRef? Structural, WitTypeDefinition? Named) Shape(WitTypeRef type)
    {
        for (var guard = 0; guard < 64 && type is WitNamedType named; guard++)
        {
            var definition = resolution.ResolveType(named) ?? throw new InvalidOperationException($"'{named.Name}' did not resolve");
            if (definition is not WitTypeAlias alias)
            {
                return (null, definition);
            }

            type = alias.Target;
        }

        return (type, null);
    }

    private bool IsBytes(WitTypeRef element) => Shape(element).Structural is WitPrimitiveType { Kind: WitPrimitiveKind.U8 };

    private string SideType(WitTypeRef? side) => side is null ? Runtime + ".Unit" : TypeOf(side);

    private string SideEncoder(WitTypeRef? side, string v, int depth) => side is null ? "null" : $"static {v} => {Encode(side, v, depth + 1)}";

    private string SideDecoder(WitTypeRef? side, string v, int depth) => side is null ? "null" : $"static {v} => {Decode(side, v, depth + 1)}";

    private static (string Type, string Factory, string Accessor) Primitive(WitPrimitiveKind kind) => kind switch
    {
        WitPrimitiveKind.Bool => ("bool", "Bool", "AsBool"),
        WitPrimitiveKind.S8 => ("sbyte", "S8", "AsS8"),
        WitPrimitiveKind.S16 => ("short", "S16", "AsS16"),
        WitPrimitiveKind.S32 => ("int", "S32", "AsS32"),
        WitPrimitiveKind.S64 => ("long", "S64", "AsS64"),
        WitPrimitiveKind.U8 => ("byte", "U8", "AsU8"),
        WitPrimitiveKind.U16 => ("ushort", "U16", "AsU16"),
        WitPrimitiveKind.U32 => ("uint", "U32", "AsU32"),
        WitPrimitiveKind.U64 => ("ulong", "U64", "AsU64"),
        WitPrimitiveKind.F32 => ("float", "F32", "AsF32"),
        WitPrimitiveKind.F64 => ("double", "F64", "AsF64"),
        WitPrimitiveKind.Char => ("global::System.Text.Rune", "Char", "AsRune"),
        _ => ("string", "String", "AsString"),
    };
}
