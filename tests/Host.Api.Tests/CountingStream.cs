namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// A non-seekable body of unknown length — <paramref name="totalBytes"/> bytes of <c>a</c>, or the
/// bytes of <paramref name="content"/> — that counts how much of it was read.
/// </summary>
internal sealed class CountingStream(long totalBytes, byte[]? content = null) : ForwardOnlyStream
{
    public CountingStream(byte[] content)
        : this(content.Length, content)
    {
    }

    public long Produced { get; private set; }

    public override long Position { get => Produced; set => throw new NotSupportedException(); }

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, totalBytes - Produced);
        if (content is null)
        {
            buffer[..n].Fill((byte)0x61);
        }
        else
        {
            content.AsSpan((int)Produced, n).CopyTo(buffer);
        }

        Produced += n;
        return n;
    }
}
