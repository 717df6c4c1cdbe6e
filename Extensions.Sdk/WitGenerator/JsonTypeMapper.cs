using System.Globalization;
using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Sdk.WitGenerator;

/// <summary>
/// Maps WIT type references to the expressions that convert a value to and from its JSON form
/// (<c>docs/json-mapping.md</c>), composing <c>WitJsonValues</c>; named types go through their
/// interface's generated <c>…Json</c> class. Also describes types the way the host's converter does
/// in its messages (<c>record (an object with "id", "tier")</c>), so both report a mismatch alike.
/// </summary>
internal sealed class JsonTypeMapper(TypeMapper types, IReadOnlyDictionary<WitTypeDefinition, TypeBinding> bindings, IReadOnlyDictionary<WitTypeDefinition, string> jsonClasses)
{
    public const string Values = TypeMapper.Runtime + ".WitJsonValues";
    public const string JsonNode = "global::System.Text.Json.Nodes.JsonNode";
    private const string JsonValue = "global::System.Text.Json.Nodes.JsonValue";

    /// <summary>The generated <c>…Json</c> class of a named type, with <c>global::</c>.</summary>
    public string JsonClassOf(WitTypeDefinition type) => jsonClasses[type];

    /// <summary>An expression converting <paramref name="value"/> (of the type's C# type) to a <c>JsonNode?</c>.</summary>
    public string Encode(WitTypeRef type, string value, int depth)
    {
        var v = "v" + depth.ToString(CultureInfo.InvariantCulture);
        return types.Shape(type) switch
        {
            (_, { } named) => $"{jsonClasses[named]}.Encode{bindings[named].Name}({value})",
            (WitPrimitiveType primitive, _) => primitive.Kind switch
            {
                WitPrimitiveKind.F32 => $"{Values}.FromF32({value})",
                WitPrimitiveKind.F64 => $"{Values}.FromF64({value})",
                WitPrimitiveKind.Char => $"{Values}.FromChar({value})",
                WitPrimitiveKind.String => $"{Values}.FromString({value})",
                _ => $"{JsonValue}.Create({value})",
            },
            (WitListType { Element: var element }, _) when IsBytes(element) => $"{Values}.FromBytes({value})",
            (WitListType list, _) => $"{Values}.FromList<{types.TypeOf(list.Element)}>({value}, static {v} => {Encode(list.Element, v, depth + 1)})",
            (WitOptionType option, _) => $"{Values}.{(types.IsOption(option.Inner) ? "FromOption" : types.IsValueType(option.Inner) ? "FromNullableValue" : "FromNullable")}<{types.TypeOf(option.Inner)}>({value}, static {v} => {Encode(option.Inner, v, depth + 1)})",
            (WitResultType result, _) => $"{Values}.FromResult<{SideType(result.Ok)}, {SideType(result.Err)}>({value}, {SideEncoder(result.Ok, v, depth)}, {SideEncoder(result.Err, v, depth)})",
            (WitTupleType tuple, _) => $"{Values}.Encode<{types.TypeOf(tuple)}>({value}, static {v} => {Values}.Tuple({string.Join(", ", tuple.Elements.Select((e, i) => Encode(e, $"{v}.Item{i + 1}", depth + 1)))}))",
            _ => throw new InvalidOperationException($"No JSON encoder for {type.GetType().Name}"),
        };
    }

    /// <summary>An expression converting the <c>JsonNode?</c> <paramref name="json"/> to the type's C# type.</summary>
    public string Decode(WitTypeRef type, string json, int depth)
    {
        var v = "v" + depth.ToString(CultureInfo.InvariantCulture);
        switch (types.Shape(type))
        {
            case (_, { } named):
                return $"{jsonClasses[named]}.Decode{bindings[named].Name}({json})";
            case (WitPrimitiveType primitive, _):
                return $"{Values}.{DecodeMethod(primitive.Kind)}({json})";
            case (WitListType { Element: var element }, _) when IsBytes(element):
                return $"{Values}.ToBytes({json})";
            case (WitListType list, _):
                return $"{Values}.ToList<{types.TypeOf(list.Element)}>({json}, static {v} => {Decode(list.Element, v, depth + 1)}, {CSharpNames.Literal(Describe(type))})";
            case (WitOptionType option, _):
                var method = types.IsOption(option.Inner) ? "ToOption" : types.IsValueType(option.Inner) ? "ToNullableValue" : "ToNullable";
                return $"{Values}.{method}<{types.TypeOf(option.Inner)}>({json}, static {v} => {Decode(option.Inner, v, depth + 1)})";
            case (WitResultType result, _):
                return $"{Values}.ToResult<{SideType(result.Ok)}, {SideType(result.Err)}>({json}, {SideDecoder(result.Ok, v, depth)}, {SideDecoder(result.Err, v, depth)})";
            case (WitTupleType tuple, _):
                var items = "items" + depth.ToString(CultureInfo.InvariantCulture);
                var elements = string.Join(", ", tuple.Elements.Select((e, i) => $"{Values}.Item({items}, {i}, static {v}_{i} => {Decode(e, $"{v}_{i}", depth + 1)})"));
                var construct = tuple.Elements.Count == 1 ? $"new {types.TypeOf(tuple)}({elements})" : $"({elements})";
                return $"{Values}.Decode<{types.TypeOf(tuple)}>({json}, static {v} => {{ var {items} = {Values}.TupleItems({v}, {tuple.Elements.Count}); return {construct}; }})";
            default:
                throw new InvalidOperationException($"No JSON decoder for {type.GetType().Name}");
        }
    }

    /// <summary>The type as the host's converter describes it in messages (structurally: the host does not know WIT type names).</summary>
    public string Describe(WitTypeRef type) => types.Shape(type) switch
    {
        (_, { } named) => Describe(named),
        (WitPrimitiveType primitive, _) => PrimitiveName(primitive.Kind),
        (WitListType list, _) => $"list<{Describe(list.Element)}> (an array)",
        (WitTupleType tuple, _) => $"tuple of {tuple.Elements.Count.ToString(CultureInfo.InvariantCulture)} (an array)",
        (WitOptionType option, _) => $"option<{Describe(option.Inner)}> (null or the value)",
        (WitResultType, _) => "result ({\"ok\": value} or {\"err\": value})",
        _ => type.GetType().Name,
    };

    /// <summary>A named type as the host's converter describes it in messages.</summary>
    public static string Describe(WitTypeDefinition type) => type switch
    {
        WitRecord record => $"record (an object with {Quoted(record.Fields.Select(f => f.Name))})",
        WitVariant variant => $"variant {{\"tag\": one of {Quoted(variant.Cases.Select(c => c.Name))}, \"value\": ...}}",
        WitEnum @enum => $"one of {Quoted(@enum.Cases.Select(c => c.Name))}",
        WitFlags flags => $"flags (an array of any of {Quoted(flags.Flags.Select(f => f.Name))})",
        _ => type.Name,
    };

    private bool IsBytes(WitTypeRef element) => types.Shape(element).Structural is WitPrimitiveType { Kind: WitPrimitiveKind.U8 };

    private string SideType(WitTypeRef? side) => side is null ? TypeMapper.Runtime + ".Unit" : types.TypeOf(side);

    private string SideEncoder(WitTypeRef? side, string v, int depth) => side is null ? "null" : $"static {v} => {Encode(side, v, depth + 1)}";

    private string SideDecoder(WitTypeRef? side, string v, int depth) => side is null ? "null" : $"static {v} => {Decode(side, v, depth + 1)}";

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"\"{n}\""));

    private static string DecodeMethod(WitPrimitiveKind kind) => kind switch
    {
        WitPrimitiveKind.Bool => "ToBool",
        WitPrimitiveKind.S8 => "ToS8",
        WitPrimitiveKind.S16 => "ToS16",
        WitPrimitiveKind.S32 => "ToS32",
        WitPrimitiveKind.S64 => "ToS64",
        WitPrimitiveKind.U8 => "ToU8",
        WitPrimitiveKind.U16 => "ToU16",
        WitPrimitiveKind.U32 => "ToU32",
        WitPrimitiveKind.U64 => "ToU64",
        WitPrimitiveKind.F32 => "ToF32",
        WitPrimitiveKind.F64 => "ToF64",
        WitPrimitiveKind.Char => "ToChar",
        _ => "ToText",
    };

    private static string PrimitiveName(WitPrimitiveKind kind) => kind switch
    {
        WitPrimitiveKind.Bool => "bool",
        WitPrimitiveKind.S8 => "s8",
        WitPrimitiveKind.S16 => "s16",
        WitPrimitiveKind.S32 => "s32",
        WitPrimitiveKind.S64 => "s64",
        WitPrimitiveKind.U8 => "u8",
        WitPrimitiveKind.U16 => "u16",
        WitPrimitiveKind.U32 => "u32",
        WitPrimitiveKind.U64 => "u64",
        WitPrimitiveKind.F32 => "f32",
        WitPrimitiveKind.F64 => "f64",
        WitPrimitiveKind.Char => "char",
        _ => "string",
    };
}
