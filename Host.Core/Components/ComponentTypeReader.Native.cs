using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ExtensibilityHost.Core.Components;

internal sealed unsafe partial class ComponentTypeReader
{
    /// <summary><c>wasmtime_component_item_kind_t</c> (component.h).</summary>
    private static class ItemKind
    {
        public const byte Component = 0;
        public const byte ComponentInstance = 1;
        public const byte Module = 2;
        public const byte ComponentFunc = 3;
        public const byte Resource = 4;
        public const byte CoreFunc = 5;
        public const byte Type = 6;
    }

    /// <summary>
    /// <c>wasmtime_component_valtype_kind_t</c> (types/val.h). 0–25 are as published; the shipped
    /// 50.0.1 library adds <c>map</c> = 26 (observed on a real map type) and
    /// <c>fixed-length list</c> = 27 (read from the jump table of
    /// <c>wasmtime_component_valtype_equal</c>, which dispatches 26 to <c>Map::eq</c> and 27 to
    /// <c>FixedLengthList::eq</c>; the feature cannot be enabled from the C API, so no test covers it).
    /// </summary>
    private static class ValTypeKind
    {
        public const byte Bool = 0;
        public const byte S8 = 1;
        public const byte S16 = 2;
        public const byte S32 = 3;
        public const byte S64 = 4;
        public const byte U8 = 5;
        public const byte U16 = 6;
        public const byte U32 = 7;
        public const byte U64 = 8;
        public const byte F32 = 9;
        public const byte F64 = 10;
        public const byte Char = 11;
        public const byte String = 12;
        public const byte List = 13;
        public const byte Record = 14;
        public const byte Tuple = 15;
        public const byte Variant = 16;
        public const byte Enum = 17;
        public const byte Option = 18;
        public const byte Result = 19;
        public const byte Flags = 20;
        public const byte Own = 21;
        public const byte Borrow = 22;
        public const byte Future = 23;
        public const byte Stream = 24;
        public const byte ErrorContext = 25;
        public const byte Map = 26;
        public const byte FixedLengthList = 27;
    }

    /// <summary>
    /// <c>wasmtime_component_valtype_t</c>: a Rust <c>#[repr(C, u8)]</c> enum, i.e. a one-byte kind,
    /// padding to 8, then a union whose every member is one owned pointer. 16 bytes.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 16)]
    private struct ValTypeNative
    {
        [FieldOffset(0)]
        public byte Kind;

        [FieldOffset(8)]
        public IntPtr Payload;
    }

    /// <summary>
    /// <c>wasmtime_component_item_t</c>: a one-byte kind, padding to 8, then a union of one owned
    /// pointer or, for <c>WASMTIME_COMPONENT_ITEM_TYPE</c>, an inline 16-byte valtype. 24 bytes.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 24)]
    private struct ItemNative
    {
        [FieldOffset(0)]
        public byte Kind;

        [FieldOffset(8)]
        public IntPtr Pointer;

        [FieldOffset(8)]
        public ValTypeNative Type;
    }

    /// <summary>An owned <c>wasmtime_component_type_t*</c>.</summary>
    private sealed class ComponentTypeHandle : SafeHandleZeroOrMinusOneIsInvalid
    {
        public ComponentTypeHandle()
            : base(ownsHandle: true)
        {
        }

        protected override bool ReleaseHandle()
        {
            Native.wasmtime_component_type_delete(handle);
            return true;
        }
    }

    /// <summary>
    /// The component type API of libwasmtime 50.0.1, declared from
    /// <c>crates/c-api/include/wasmtime/component/types/{component,instance,func,val}.h</c>.
    /// </summary>
    /// <remarks>
    /// In 50.0.1 <c>wasmtime_component_type_{import,export}_nth</c> and
    /// <c>wasmtime_component_instance_type_export_nth</c> all return an owned
    /// <c>wasmtime_component_extern_t*</c> (released with <c>wasmtime_component_extern_delete</c>)
    /// whose item is read with <c>wasmtime_component_extern_type</c>; older headers wrote a
    /// <c>wasmtime_component_item_t</c> directly. C <c>bool</c> is one byte, hence the
    /// <see cref="UnmanagedType.U1"/> returns.
    /// </remarks>
    private static partial class Native
    {
        private const string LibraryName = "wasmtime";

        [LibraryImport(LibraryName)]
        public static partial ComponentTypeHandle wasmtime_component_type(IntPtr component);

        [LibraryImport(LibraryName)]
        public static partial void wasmtime_component_type_delete(IntPtr type);

        [LibraryImport(LibraryName)]
        public static partial nuint wasmtime_component_type_import_count(ComponentTypeHandle type, IntPtr engine);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_type_import_nth(ComponentTypeHandle type, IntPtr engine, nuint nth, byte** nameRet, nuint* nameLengthRet, IntPtr* externRet);

        [LibraryImport(LibraryName)]
        public static partial nuint wasmtime_component_type_export_count(ComponentTypeHandle type, IntPtr engine);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_type_export_nth(ComponentTypeHandle type, IntPtr engine, nuint nth, byte** nameRet, nuint* nameLengthRet, IntPtr* externRet);

        [LibraryImport(LibraryName)]
        public static partial void wasmtime_component_extern_type(IntPtr componentExtern, ItemNative* itemRet);

        [LibraryImport(LibraryName)]
        public static partial void wasmtime_component_extern_delete(IntPtr componentExtern);

        [LibraryImport(LibraryName)]
        public static partial void wasmtime_component_item_delete(ItemNative* item);

        [LibraryImport(LibraryName)]
        public static partial nuint wasmtime_component_instance_type_export_count(IntPtr instanceType, IntPtr engine);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_instance_type_export_nth(IntPtr instanceType, IntPtr engine, nuint nth, byte** nameRet, nuint* nameLengthRet, IntPtr* externRet);

        [LibraryImport(LibraryName)]
        public static partial nuint wasmtime_component_func_type_param_count(IntPtr functionType);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_func_type_param_nth(IntPtr functionType, nuint nth, byte** nameRet, nuint* nameLengthRet, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_func_type_result(IntPtr functionType, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        public static partial void wasmtime_component_valtype_delete(ValTypeNative* type);

        [LibraryImport(LibraryName)]
        public static partial void wasmtime_component_list_type_element(IntPtr list, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        public static partial void wasmtime_component_fixed_length_list_type_element(IntPtr list, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        public static partial nuint wasmtime_component_record_type_field_count(IntPtr record);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_record_type_field_nth(IntPtr record, nuint nth, byte** nameRet, nuint* nameLengthRet, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        public static partial nuint wasmtime_component_tuple_type_types_count(IntPtr tuple);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_tuple_type_types_nth(IntPtr tuple, nuint nth, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        public static partial nuint wasmtime_component_variant_type_case_count(IntPtr variant);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_variant_type_case_nth(IntPtr variant, nuint nth, byte** nameRet, nuint* nameLengthRet, byte* hasPayloadRet, ValTypeNative* payloadRet);

        [LibraryImport(LibraryName)]
        public static partial nuint wasmtime_component_enum_type_names_count(IntPtr @enum);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_enum_type_names_nth(IntPtr @enum, nuint nth, byte** nameRet, nuint* nameLengthRet);

        [LibraryImport(LibraryName)]
        public static partial void wasmtime_component_option_type_ty(IntPtr option, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_result_type_ok(IntPtr result, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_result_type_err(IntPtr result, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        public static partial nuint wasmtime_component_flags_type_names_count(IntPtr flags);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_flags_type_names_nth(IntPtr flags, nuint nth, byte** nameRet, nuint* nameLengthRet);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_future_type_ty(IntPtr future, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        [return: MarshalAs(UnmanagedType.U1)]
        public static partial bool wasmtime_component_stream_type_ty(IntPtr stream, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        public static partial void wasmtime_component_map_type_key(IntPtr map, ValTypeNative* typeRet);

        [LibraryImport(LibraryName)]
        public static partial void wasmtime_component_map_type_value(IntPtr map, ValTypeNative* typeRet);
    }
}
