using System.Runtime.InteropServices;
using System.Text;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// WebAssembly text (core or component) to binary, with libwasmtime's own <c>wat</c> parser, so
/// a <c>.wat</c> file is handled exactly like the binary it stands for (same hash, same checks).
/// </summary>
public static partial class WatText
{
    /// <summary>Converts WebAssembly text to its binary encoding.</summary>
    /// <exception cref="FormatException">The text does not parse; the message says where.</exception>
    public static byte[] ToBinary(string wat)
    {
        ArgumentNullException.ThrowIfNull(wat);
        var utf8 = Encoding.UTF8.GetBytes(wat);
        Native.ByteVec output = default;
        IntPtr error;
        unsafe
        {
            fixed (byte* text = utf8)
            {
                error = Native.wasmtime_wat2wasm(text, (nuint)utf8.Length, ref output);
            }
        }

        if (error != IntPtr.Zero)
        {
            throw new FormatException(Native.TakeErrorMessage(error));
        }

        try
        {
            unsafe
            {
                return new ReadOnlySpan<byte>(output.Data, checked((int)output.Size)).ToArray();
            }
        }
        finally
        {
            Native.wasm_byte_vec_delete(ref output);
        }
    }

    private static unsafe partial class Native
    {
        private const string Library = "wasmtime";

        [StructLayout(LayoutKind.Sequential)]
        public struct ByteVec
        {
            public nuint Size;
            public byte* Data;
        }

        [LibraryImport(Library)]
        public static partial IntPtr wasmtime_wat2wasm(byte* wat, nuint length, ref ByteVec output);

        [LibraryImport(Library)]
        public static partial void wasm_byte_vec_delete(ref ByteVec vector);

        [LibraryImport(Library)]
        private static partial void wasmtime_error_message(IntPtr error, ref ByteVec message);

        [LibraryImport(Library)]
        private static partial void wasmtime_error_delete(IntPtr error);

        public static string TakeErrorMessage(IntPtr error)
        {
            ByteVec message = default;
            try
            {
                wasmtime_error_message(error, ref message);
                return Encoding.UTF8.GetString(message.Data, checked((int)message.Size));
            }
            finally
            {
                wasm_byte_vec_delete(ref message);
                wasmtime_error_delete(error);
            }
        }
    }
}
