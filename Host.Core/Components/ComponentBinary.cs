using System.Buffers.Binary;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// A fast structural pre-check of uploaded bytes, run before Wasmtime compiles them so that
/// garbage, core modules and cut-off uploads get a precise error without spending compile time.
/// </summary>
/// <remarks>
/// It reads the 8-byte preamble (magic <c>\0asm</c>, a 16-bit version and a 16-bit layer) and walks
/// the top-level section headers (id byte + LEB128 size) without parsing their contents. A binary
/// that passes can still be rejected by Wasmtime; turn that failure into the same error family
/// with <see cref="ComponentLoadError.FromCompileFailure(Wasmtime.WasmtimeException)"/>.
/// </remarks>
public static class ComponentBinary
{
    /// <summary>The component-model binary version Wasmtime 50 reads.</summary>
    private const ushort ComponentVersion = 0x0d;

    private const ushort ComponentLayer = 1;

    private const ushort CoreModuleVersion = 1;

    private const ushort CoreModuleLayer = 0;

    private const int PreambleLength = 8;

    private const long SizeCutOff = -1;

    private const long SizeMalformed = -2;

    private static ReadOnlySpan<byte> Magic => "\0asm"u8;

    /// <summary>Classifies uploaded bytes.</summary>
    /// <param name="bytes">The upload.</param>
    /// <returns>The format and, unless it is a component, the error to report.</returns>
    public static ComponentBinaryCheck Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return Fail(ComponentBinaryFormat.Empty, ComponentLoadError.Empty, "The upload is empty; send the bytes of the compiled .wasm component.");
        }

        if (!bytes[..Math.Min(bytes.Length, Magic.Length)].SequenceEqual(Magic[..Math.Min(bytes.Length, Magic.Length)]))
        {
            return Fail(ComponentBinaryFormat.NotWasm, ComponentLoadError.NotWasm, NotWasmMessage(bytes));
        }

        if (bytes.Length < PreambleLength)
        {
            return Truncated($"it is {bytes.Length} bytes long, shorter than the 8-byte WebAssembly preamble");
        }

        var version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        var layer = BinaryPrimitives.ReadUInt16LittleEndian(bytes[6..]);
        if (layer == CoreModuleLayer && version == CoreModuleVersion)
        {
            return Fail(
                ComponentBinaryFormat.CoreModule,
                ComponentLoadError.CoreModule,
                "This is a core WebAssembly module, not a component; run `wasm-tools component new` " +
                "(or jco componentNew) on it with the WIT world embedded, or build with a component toolchain " +
                "(cargo component, componentize-js).");
        }

        if (layer != ComponentLayer || version != ComponentVersion)
        {
            return Fail(
                ComponentBinaryFormat.UnsupportedVersion,
                ComponentLoadError.UnsupportedVersion,
                $"This WebAssembly binary has version 0x{version:x} and layer {layer}; this host reads components " +
                $"(layer {ComponentLayer}, version 0x{ComponentVersion:x}). Rebuild it with current component tooling.");
        }

        return FindTruncatedSection(bytes) is { } problem
            ? Truncated(problem)
            : new ComponentBinaryCheck(ComponentBinaryFormat.Component, null);
    }

    private static string? FindTruncatedSection(ReadOnlySpan<byte> bytes)
    {
        var offset = PreambleLength;
        while (offset < bytes.Length)
        {
            var sectionStart = offset;
            offset++;
            var size = ReadSize(bytes, ref offset);
            if (size == SizeCutOff)
            {
                return $"the size of the section at offset 0x{sectionStart:x} is cut off";
            }

            if (size == SizeMalformed)
            {
                // Not a truncation: leave the malformed size to Wasmtime's validator.
                return null;
            }

            if (size > bytes.Length - offset)
            {
                return $"the section at offset 0x{sectionStart:x} declares {size} bytes but only {bytes.Length - offset} follow";
            }

            offset += (int)size;
        }

        return null;
    }

    /// <summary>Reads an unsigned LEB128 section size (a u32, so at most 5 bytes).</summary>
    private static long ReadSize(ReadOnlySpan<byte> bytes, ref int offset)
    {
        long size = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (offset >= bytes.Length)
            {
                return SizeCutOff;
            }

            var b = bytes[offset++];
            size |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return size;
            }
        }

        return SizeMalformed;
    }

    private static string NotWasmMessage(ReadOnlySpan<byte> bytes)
    {
        var text = bytes.TrimStart(" \t\r\n"u8);
        return !text.IsEmpty && text[0] == (byte)'('
            ? "This looks like WebAssembly text (.wat), not a binary; upload the compiled .wasm component."
            : "This is not a WebAssembly binary (it does not start with \\0asm); upload the compiled .wasm component.";
    }

    private static ComponentBinaryCheck Truncated(string detail) =>
        Fail(ComponentBinaryFormat.Truncated, ComponentLoadError.Truncated, $"The component binary is truncated: {detail}; upload the complete .wasm file.");

    private static ComponentBinaryCheck Fail(ComponentBinaryFormat format, string code, string message) =>
        new(format, new ComponentLoadError(code, message));
}
