using System.Collections.Immutable;
using System.Text;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// Converts Wasmtime's native component type API (<c>wasmtime/component/types/*.h</c>) into the
/// managed <see cref="ComponentDescription"/> / <see cref="WitType"/> model.
/// </summary>
/// <remarks>
/// Ownership follows the C API: every <c>wasmtime_component_extern_t*</c>, item and valtype written
/// by Wasmtime is owned by us and released in a <c>finally</c> before the value it was read from
/// is released, because externs borrow from the component or instance type they came from.
/// Verified against the libwasmtime shipped in the Wasmtime 50.0.1 NuGet package; see the
/// notes on <see cref="Native"/> where it differs from the published headers.
/// </remarks>
internal sealed unsafe partial class ComponentTypeReader(IntPtr engine)
{
    public ComponentDescription ReadComponent(IntPtr component)
    {
        using var type = TypeOf(component);
        return new ComponentDescription
        {
            Imports = ReadImports(type, ReadExtern),
            Exports = ReadExports(type),
        };
    }

    /// <summary>Only the import names: what the runtime needs of every component it loads.</summary>
    public ImmutableArray<string> ReadImportNames(IntPtr component)
    {
        using var type = TypeOf(component);
        return ReadImports(type, static (name, item) =>
        {
            // The name borrows from the component type, not from the extern: it is read already.
            Native.wasmtime_component_extern_delete(item);
            return name;
        });
    }

    private static ComponentTypeHandle TypeOf(IntPtr component)
    {
        var type = Native.wasmtime_component_type(component);
        if (type.IsInvalid)
        {
            type.Dispose();
            throw new InvalidOperationException("wasmtime_component_type returned no type.");
        }

        return type;
    }

    /// <summary>Reads every import with <paramref name="read"/>, which takes ownership of the import's extern.</summary>
    private ImmutableArray<T> ReadImports<T>(ComponentTypeHandle type, Func<string, IntPtr, T> read)
    {
        var count = Native.wasmtime_component_type_import_count(type, engine);
        var imports = ImmutableArray.CreateBuilder<T>(checked((int)count));
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            nuint nameLength;
            IntPtr item;
            if (!Native.wasmtime_component_type_import_nth(type, engine, i, &name, &nameLength, &item))
            {
                throw new InvalidOperationException($"wasmtime_component_type_import_nth({i}) found no import.");
            }

            imports.Add(read(Utf8(name, nameLength), item));
        }

        return imports.MoveToImmutable();
    }

    private ImmutableArray<ComponentItem> ReadExports(ComponentTypeHandle type)
    {
        var count = Native.wasmtime_component_type_export_count(type, engine);
        var exports = ImmutableArray.CreateBuilder<ComponentItem>(checked((int)count));
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            nuint nameLength;
            IntPtr item;
            if (!Native.wasmtime_component_type_export_nth(type, engine, i, &name, &nameLength, &item))
            {
                throw new InvalidOperationException($"wasmtime_component_type_export_nth({i}) found no export.");
            }

            exports.Add(ReadExtern(Utf8(name, nameLength), item));
        }

        return exports.MoveToImmutable();
    }

    /// <summary>Reads and then deletes an owned <c>wasmtime_component_extern_t*</c>.</summary>
    private ComponentItem ReadExtern(string name, IntPtr componentExtern)
    {
        try
        {
            ItemNative item;
            Native.wasmtime_component_extern_type(componentExtern, &item);
            try
            {
                return ReadItem(name, &item);
            }
            finally
            {
                Native.wasmtime_component_item_delete(&item);
            }
        }
        finally
        {
            Native.wasmtime_component_extern_delete(componentExtern);
        }
    }

    private ComponentItem ReadItem(string name, ItemNative* item) => item->Kind switch
    {
        ItemKind.Component => new ComponentItem { Name = name, Kind = ComponentItemKind.Component },
        ItemKind.ComponentInstance => new ComponentItem
        {
            Name = name,
            Kind = ComponentItemKind.Instance,
            Functions = ReadInstanceFunctions(item->Pointer),
        },
        ItemKind.Module => new ComponentItem { Name = name, Kind = ComponentItemKind.Module },
        ItemKind.ComponentFunc => new ComponentItem
        {
            Name = name,
            Kind = ComponentItemKind.Function,
            Signature = ReadFunction(item->Pointer),
        },
        ItemKind.Resource => new ComponentItem { Name = name, Kind = ComponentItemKind.Resource },
        ItemKind.CoreFunc => new ComponentItem { Name = name, Kind = ComponentItemKind.CoreFunction },
        ItemKind.Type => new ComponentItem { Name = name, Kind = ComponentItemKind.Type, Type = ReadValType(&item->Type) },
        _ => throw new InvalidOperationException($"Unknown wasmtime_component_item_kind_t {item->Kind} for '{name}'."),
    };

    /// <summary>The functions of an instance type; its type and resource exports are not part of the model.</summary>
    private ImmutableArray<WitFunction> ReadInstanceFunctions(IntPtr instanceType)
    {
        var count = Native.wasmtime_component_instance_type_export_count(instanceType, engine);
        var functions = ImmutableArray.CreateBuilder<WitFunction>();
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            nuint nameLength;
            IntPtr componentExtern;
            if (!Native.wasmtime_component_instance_type_export_nth(instanceType, engine, i, &name, &nameLength, &componentExtern))
            {
                throw new InvalidOperationException($"wasmtime_component_instance_type_export_nth({i}) found no export.");
            }

            var export = ReadExtern(Utf8(name, nameLength), componentExtern);
            if (export is { Kind: ComponentItemKind.Function, Signature: { } signature })
            {
                functions.Add(new WitFunction(export.Name, signature));
            }
        }

        return functions.ToImmutable();
    }

    private static ComponentFunctionSignature ReadFunction(IntPtr functionType)
    {
        var count = Native.wasmtime_component_func_type_param_count(functionType);
        var parameters = ImmutableArray.CreateBuilder<WitField>(checked((int)count));
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            nuint nameLength;
            ValTypeNative type;
            if (!Native.wasmtime_component_func_type_param_nth(functionType, i, &name, &nameLength, &type))
            {
                throw new InvalidOperationException($"wasmtime_component_func_type_param_nth({i}) found no parameter.");
            }

            parameters.Add(new WitField(Utf8(name, nameLength), TakeValType(&type)));
        }

        ValTypeNative result;
        var hasResult = Native.wasmtime_component_func_type_result(functionType, &result);
        return new ComponentFunctionSignature(parameters.MoveToImmutable(), hasResult ? TakeValType(&result) : null);
    }

    /// <summary>Reads a valtype written by Wasmtime into our storage, then deletes it.</summary>
    private static WitType TakeValType(ValTypeNative* type)
    {
        try
        {
            return ReadValType(type);
        }
        finally
        {
            Native.wasmtime_component_valtype_delete(type);
        }
    }

    private static WitType ReadValType(ValTypeNative* type)
    {
        var of = type->Payload;
        return type->Kind switch
        {
            ValTypeKind.Bool => WitType.Bool,
            ValTypeKind.S8 => WitType.S8,
            ValTypeKind.S16 => WitType.S16,
            ValTypeKind.S32 => WitType.S32,
            ValTypeKind.S64 => WitType.S64,
            ValTypeKind.U8 => WitType.U8,
            ValTypeKind.U16 => WitType.U16,
            ValTypeKind.U32 => WitType.U32,
            ValTypeKind.U64 => WitType.U64,
            ValTypeKind.F32 => WitType.F32,
            ValTypeKind.F64 => WitType.F64,
            ValTypeKind.Char => WitType.Char,
            ValTypeKind.String => WitType.String,
            ValTypeKind.List => new WitType.List(ReadInner(of, &Native.wasmtime_component_list_type_element)),
            ValTypeKind.Record => ReadRecord(of),
            ValTypeKind.Tuple => ReadTuple(of),
            ValTypeKind.Variant => ReadVariant(of),
            ValTypeKind.Enum => new WitType.Enum(ReadNames(of, &Native.wasmtime_component_enum_type_names_count, &Native.wasmtime_component_enum_type_names_nth)),
            ValTypeKind.Option => new WitType.Option(ReadInner(of, &Native.wasmtime_component_option_type_ty)),
            ValTypeKind.Result => new WitType.Result(
                ReadOptionalInner(of, &Native.wasmtime_component_result_type_ok),
                ReadOptionalInner(of, &Native.wasmtime_component_result_type_err)),
            ValTypeKind.Flags => new WitType.Flags(ReadNames(of, &Native.wasmtime_component_flags_type_names_count, &Native.wasmtime_component_flags_type_names_nth)),
            ValTypeKind.Own => new WitType.Own(),
            ValTypeKind.Borrow => new WitType.Borrow(),
            ValTypeKind.Future => new WitType.Future(ReadOptionalInner(of, &Native.wasmtime_component_future_type_ty)),
            ValTypeKind.Stream => new WitType.Stream(ReadOptionalInner(of, &Native.wasmtime_component_stream_type_ty)),
            ValTypeKind.ErrorContext => new WitType.ErrorContext(),
            ValTypeKind.Map => new WitType.Map(
                ReadInner(of, &Native.wasmtime_component_map_type_key),
                ReadInner(of, &Native.wasmtime_component_map_type_value)),
            ValTypeKind.FixedLengthList => new WitType.FixedLengthList(ReadInner(of, &Native.wasmtime_component_fixed_length_list_type_element)),
            _ => throw new InvalidOperationException($"Unknown wasmtime_component_valtype_kind_t {type->Kind}."),
        };
    }

    private static WitType ReadInner(IntPtr owner, delegate*<IntPtr, ValTypeNative*, void> read)
    {
        ValTypeNative inner;
        read(owner, &inner);
        return TakeValType(&inner);
    }

    private static WitType? ReadOptionalInner(IntPtr owner, delegate*<IntPtr, ValTypeNative*, bool> read)
    {
        ValTypeNative inner;
        return read(owner, &inner) ? TakeValType(&inner) : null;
    }

    private static WitType.Record ReadRecord(IntPtr record)
    {
        var count = Native.wasmtime_component_record_type_field_count(record);
        var fields = ImmutableArray.CreateBuilder<WitField>(checked((int)count));
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            nuint nameLength;
            ValTypeNative type;
            if (!Native.wasmtime_component_record_type_field_nth(record, i, &name, &nameLength, &type))
            {
                throw new InvalidOperationException($"wasmtime_component_record_type_field_nth({i}) found no field.");
            }

            fields.Add(new WitField(Utf8(name, nameLength), TakeValType(&type)));
        }

        return new WitType.Record(fields.MoveToImmutable());
    }

    private static WitType.Tuple ReadTuple(IntPtr tuple)
    {
        var count = Native.wasmtime_component_tuple_type_types_count(tuple);
        var types = ImmutableArray.CreateBuilder<WitType>(checked((int)count));
        for (nuint i = 0; i < count; i++)
        {
            ValTypeNative type;
            if (!Native.wasmtime_component_tuple_type_types_nth(tuple, i, &type))
            {
                throw new InvalidOperationException($"wasmtime_component_tuple_type_types_nth({i}) found no type.");
            }

            types.Add(TakeValType(&type));
        }

        return new WitType.Tuple(types.MoveToImmutable());
    }

    private static WitType.Variant ReadVariant(IntPtr variant)
    {
        var count = Native.wasmtime_component_variant_type_case_count(variant);
        var cases = ImmutableArray.CreateBuilder<WitCase>(checked((int)count));
        for (nuint i = 0; i < count; i++)
        {
            byte* name;
            nuint nameLength;
            byte hasPayload;
            ValTypeNative payload;
            if (!Native.wasmtime_component_variant_type_case_nth(variant, i, &name, &nameLength, &hasPayload, &payload))
            {
                throw new InvalidOperationException($"wasmtime_component_variant_type_case_nth({i}) found no case.");
            }

            // The payload is only written (and only owned by us) when the case has one.
            cases.Add(new WitCase(Utf8(name, nameLength), hasPayload != 0 ? TakeValType(&payload) : null));
        }

        return new WitType.Variant(cases.MoveToImmutable());
    }

    private static ImmutableArray<string> ReadNames(
        IntPtr owner,
        delegate*<IntPtr, nuint> count,
        delegate*<IntPtr, nuint, byte**, nuint*, bool> nth)
    {
        var total = count(owner);
        var names = ImmutableArray.CreateBuilder<string>(checked((int)total));
        for (nuint i = 0; i < total; i++)
        {
            byte* name;
            nuint nameLength;
            if (!nth(owner, i, &name, &nameLength))
            {
                throw new InvalidOperationException($"Name {i} of an enum/flags type is missing.");
            }

            names.Add(Utf8(name, nameLength));
        }

        return names.MoveToImmutable();
    }

    private static string Utf8(byte* text, nuint length) => Encoding.UTF8.GetString(text, checked((int)length));
}
