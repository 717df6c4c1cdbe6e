namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// A non-seekable body of unknown length — <paramref name="totalBytes"/> bytes of <c>a</c>, or the
/// bytes of <paramref name="content"/> — that counts how much of it was read.
/// </summary>
internal sealed class CountingStream(long totalBytes, byte[]? content = null) : Stream
{
    public CountingStream(byte[] content)
        : this(content.Length, content)
    {
    }

    public long Produced { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Produced; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, totalBytes - Produced);
        if (content is null)
        {
            Array.Fill(buffer, (byte)0x61, offset, n);
        }
        else
        {
            Array.Copy(content, Produced, buffer, offset, n);
        }

        Produced += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
