using System.Buffers.Binary;
using System.Text;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Compilation;

/// <summary>
/// The frames between the host and a compile worker over its standard input and output, each a
/// 32-bit little-endian length and that many bytes. The host first sends the engine settings; then,
/// for each compilation, a component binary, to which the worker answers with a
/// <see cref="CompileWorkerReply"/> and the serialized artifact (empty when Wasmtime refused the
/// binary). The host closes the worker's input to end it.
/// </summary>
/// <remarks>
/// Settings and reply are written field by field with <see cref="BinaryWriter"/>, not as JSON:
/// System.Text.Json's first use cost a fresh worker about 70 ms (measured, source-generated), as
/// much as compiling a small guest.
/// </remarks>
internal static class CompileWorkerProtocol
{
    public static async Task WriteFrameAsync(Stream stream, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken)
    {
        var length = new byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, frame.Length);
        await stream.WriteAsync(length, cancellationToken);
        await stream.WriteAsync(frame, cancellationToken);
    }

    /// <exception cref="EndOfStreamException">The stream ended before the whole frame (the other side exited).</exception>
    /// <exception cref="InvalidDataException">The length is not one of a frame.</exception>
    public static async Task<byte[]> ReadFrameAsync(Stream stream, CancellationToken cancellationToken) =>
        await TryReadFrameAsync(stream, cancellationToken) ?? throw new EndOfStreamException("The compile worker's pipe ended before a frame.");

    /// <summary>Reads a frame, or returns null when the stream ends cleanly before one (the host closed the worker's input).</summary>
    /// <exception cref="EndOfStreamException">The stream ended inside a frame.</exception>
    /// <exception cref="InvalidDataException">The length is not one of a frame.</exception>
    public static async Task<byte[]?> TryReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[sizeof(int)];
        var read = await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
        {
            return null;
        }

        if (read < header.Length)
        {
            throw new EndOfStreamException("The compile worker's pipe ended inside a frame.");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (length < 0 || length > Array.MaxLength)
        {
            throw new InvalidDataException($"A compile worker frame of {length} bytes.");
        }

        var frame = new byte[length];
        await stream.ReadExactlyAsync(frame, cancellationToken);
        return frame;
    }

    /// <summary>The settings of <paramref name="options"/> that <see cref="SandboxEngine.CreateConfig"/> and the fingerprint read.</summary>
    public static byte[] EncodeEngineSettings(RuntimeOptions options) => Encode(writer =>
    {
        writer.Write(options.EnableFuel);
        writer.Write(options.MaxWasmStackBytes);
        writer.Write(options.UsePoolingAllocator);
        writer.Write(options.PoolTotalComponentInstances);
        writer.Write(options.PoolTotalMemories);
        writer.Write(options.PoolTotalTables);
        writer.Write(options.PoolTotalCoreInstances);
        writer.Write(options.PoolMaxMemoryBytes);
        writer.Write(options.KeepResidentBytes);
    });

    public static RuntimeOptions DecodeEngineSettings(byte[] frame) => Decode(frame, reader => new RuntimeOptions
    {
        EnableFuel = reader.ReadBoolean(),
        MaxWasmStackBytes = reader.ReadInt32(),
        UsePoolingAllocator = reader.ReadBoolean(),
        PoolTotalComponentInstances = reader.ReadInt32(),
        PoolTotalMemories = reader.ReadInt32(),
        PoolTotalTables = reader.ReadInt32(),
        PoolTotalCoreInstances = reader.ReadInt32(),
        PoolMaxMemoryBytes = reader.ReadInt64(),
        KeepResidentBytes = reader.ReadInt64(),
    });

    public static byte[] EncodeReply(CompileWorkerReply reply) => Encode(writer =>
    {
        writer.Write(reply.Fingerprint);
        writer.Write(reply.Error is not null);
        writer.Write(reply.Error ?? "");
        writer.Write(reply.CompileMilliseconds);
        writer.Write(reply.PeakMemoryBytes);
        writer.Write(reply.ResidentBytes);
    });

    public static CompileWorkerReply DecodeReply(byte[] frame) => Decode(frame, reader =>
    {
        var fingerprint = reader.ReadString();
        var refused = reader.ReadBoolean();
        var error = reader.ReadString();
        return new CompileWorkerReply
        {
            Fingerprint = fingerprint,
            Error = refused ? error : null,
            CompileMilliseconds = reader.ReadDouble(),
            PeakMemoryBytes = reader.ReadInt64(),
            ResidentBytes = reader.ReadInt64(),
        };
    });

    private static byte[] Encode(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            write(writer);
        }

        return stream.ToArray();
    }

    /// <exception cref="InvalidDataException">The frame is not what the other side should have written.</exception>
    private static T Decode<T>(byte[] frame, Func<BinaryReader, T> read)
    {
        using var reader = new BinaryReader(new MemoryStream(frame), Encoding.UTF8);
        try
        {
            var value = read(reader);
            return reader.BaseStream.Position == frame.Length
                ? value
                : throw new InvalidDataException("A compile worker frame is longer than its fields.");
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException("A compile worker frame is shorter than its fields.", exception);
        }
    }
}
