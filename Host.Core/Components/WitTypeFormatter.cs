using System.Text;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// Renders WIT types and function signatures as WIT-like text, for the review portal, the CLI and
/// error messages: <c>func(a: u32, b: u32) -> u32</c>, <c>record { id: string, quantity: u32 }</c>,
/// <c>result&lt;_, string&gt;</c>.
/// </summary>
/// <remarks>
/// The output spells out every type structurally, because Wasmtime's component type API does not
/// report the names of named WIT types: a parameter declared as <c>cart: cart</c> renders as
/// <c>cart: record { customer: record { ... }, ... }</c>, and resource handles render as
/// <c>own&lt;resource&gt;</c> / <c>borrow&lt;resource&gt;</c>.
/// </remarks>
public static class WitTypeFormatter
{
    /// <summary>Renders a type.</summary>
    /// <param name="type">The type.</param>
    /// <returns>The WIT-like text.</returns>
    public static string Format(WitType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var text = new StringBuilder();
        Append(text, type);
        return text.ToString();
    }

    /// <summary>Renders a function signature, e.g. <c>func(key: string) -> option&lt;string&gt;</c>.</summary>
    /// <param name="signature">The signature.</param>
    /// <returns>The WIT-like text.</returns>
    public static string Format(ComponentFunctionSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var text = new StringBuilder("func(");
        for (var i = 0; i < signature.Parameters.Length; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(signature.Parameters[i].Name).Append(": ");
            Append(text, signature.Parameters[i].Type);
        }

        text.Append(')');
        if (signature.Result is { } result)
        {
            text.Append(" -> ");
            Append(text, result);
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, WitType type)
    {
        switch (type)
        {
            case WitType.Primitive primitive:
                text.Append(PrimitiveName(primitive.Kind));
                break;
            case WitType.List list:
                AppendGeneric(text, "list", list.Element);
                break;
            case WitType.FixedLengthList list:
                text.Append("list<");
                Append(text, list.Element);
                text.Append(", _>");
                break;
            case WitType.Option option:
                AppendGeneric(text, "option", option.Inner);
                break;
            case WitType.Result result:
                AppendResult(text, result);
                break;
            case WitType.Tuple tuple:
                text.Append("tuple<");
                AppendJoined(text, tuple.Types, static (t, item) => Append(t, item));
                text.Append('>');
                break;
            case WitType.Record record:
                text.Append("record { ");
                AppendJoined(text, record.Fields, static (t, field) =>
                {
                    t.Append(field.Name).Append(": ");
                    Append(t, field.Type);
                });
                text.Append(" }");
                break;
            case WitType.Variant variant:
                text.Append("variant { ");
                AppendJoined(text, variant.Cases, static (t, @case) =>
                {
                    t.Append(@case.Name);
                    if (@case.Payload is { } payload)
                    {
                        t.Append('(');
                        Append(t, payload);
                        t.Append(')');
                    }
                });
                text.Append(" }");
                break;
            case WitType.Enum @enum:
                text.Append("enum { ");
                AppendJoined(text, @enum.Names, static (t, name) => t.Append(name));
                text.Append(" }");
                break;
            case WitType.Flags flags:
                text.Append("flags { ");
                AppendJoined(text, flags.Names, static (t, name) => t.Append(name));
                text.Append(" }");
                break;
            case WitType.Own:
                text.Append("own<resource>");
                break;
            case WitType.Borrow:
                text.Append("borrow<resource>");
                break;
            case WitType.Map map:
                text.Append("map<");
                Append(text, map.Key);
                text.Append(", ");
                Append(text, map.Value);
                text.Append('>');
                break;
            case WitType.Future future:
                AppendOptionalGeneric(text, "future", future.Payload);
                break;
            case WitType.Stream stream:
                AppendOptionalGeneric(text, "stream", stream.Payload);
                break;
            case WitType.ErrorContext:
                text.Append("error-context");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type.GetType().Name, "Unknown WIT type.");
        }
    }

    private static void AppendResult(StringBuilder text, WitType.Result result)
    {
        text.Append("result");
        if (result.Ok is null && result.Err is null)
        {
            return;
        }

        text.Append('<');
        if (result.Ok is { } ok)
        {
            Append(text, ok);
        }
        else
        {
            text.Append('_');
        }

        if (result.Err is { } err)
        {
            text.Append(", ");
            Append(text, err);
        }

        text.Append('>');
    }

    private static void AppendGeneric(StringBuilder text, string name, WitType argument)
    {
        text.Append(name).Append('<');
        Append(text, argument);
        text.Append('>');
    }

    private static void AppendOptionalGeneric(StringBuilder text, string name, WitType? argument)
    {
        if (argument is null)
        {
            text.Append(name);
        }
        else
        {
            AppendGeneric(text, name, argument);
        }
    }

    private static void AppendJoined<T>(StringBuilder text, IEnumerable<T> items, Action<StringBuilder, T> append)
    {
        var first = true;
        foreach (var item in items)
        {
            if (!first)
            {
                text.Append(", ");
            }

            first = false;
            append(text, item);
        }
    }

    internal static string PrimitiveName(WitPrimitive kind) => kind switch
    {
        WitPrimitive.Bool => "bool",
        WitPrimitive.S8 => "s8",
        WitPrimitive.S16 => "s16",
        WitPrimitive.S32 => "s32",
        WitPrimitive.S64 => "s64",
        WitPrimitive.U8 => "u8",
        WitPrimitive.U16 => "u16",
        WitPrimitive.U32 => "u32",
        WitPrimitive.U64 => "u64",
        WitPrimitive.F32 => "f32",
        WitPrimitive.F64 => "f64",
        WitPrimitive.Char => "char",
        WitPrimitive.String => "string",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown WIT primitive."),
    };
}
