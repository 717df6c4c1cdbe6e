using System.Net;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>A request body streamed from <paramref name="content"/> in chunks, reporting the bytes sent.</summary>
internal sealed class ProgressStreamContent(Stream content, IProgress<long>? progress, int chunk) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        await SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = new byte[chunk];
        long sent = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
        {
            await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            sent += read;
            progress?.Report(sent);
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        if (content.CanSeek)
        {
            length = content.Length - content.Position;
            return true;
        }

        length = 0;
        return false;
    }
}
