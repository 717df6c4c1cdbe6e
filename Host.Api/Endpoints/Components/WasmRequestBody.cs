using System.IO.Compression;
using ExtensibilityHost.Api.Problems;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ExtensibilityHost.Api.Endpoints.Components;

/// <summary>
/// Reads an <c>application/wasm</c> request body, plain or <c>Content-Encoding: gzip</c>, and stops
/// as soon as it passes the size limit: the limit applies to the bytes as they stream in (after
/// decompression for gzip), so neither a huge body nor a gzip bomb is ever held in memory.
/// </summary>
internal static class WasmRequestBody
{
    public const string MediaType = "application/wasm";

    private const int InitialCapacity = 64 * 1024;

    /// <summary>The body, or the problem (415, 413 or 400) that refuses it.</summary>
    public static async Task<(ReadOnlyMemory<byte> Content, ProblemHttpResult? Problem)> ReadAsync(
        HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !string.Equals(mediaType.MediaType.Value, MediaType, StringComparison.OrdinalIgnoreCase))
        {
            return (default, ApiProblems.Problem(ProblemTypes.UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType,
                "Unsupported media type", $"Send the component binary with 'Content-Type: {MediaType}' (got '{request.ContentType}')."));
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        var gzip = encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || encoding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase);
        if (!gzip && encoding.Length > 0 && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return (default, ApiProblems.Problem(ProblemTypes.UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType,
                "Unsupported content encoding", $"'Content-Encoding: {encoding}' is not supported; send the body as is or with 'Content-Encoding: gzip'."));
        }

        if (!gzip && request.ContentLength > maxBytes)
        {
            return (default, TooLarge(maxBytes, gzip));
        }

        // The server's own limit is a backstop for the bytes on the wire; a gzip body of an
        // incompressible component is slightly larger than the component.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = gzip ? 2 * maxBytes : maxBytes;
        }

        try
        {
            if (!gzip)
            {
                return await ReadLimitedAsync(request.Body, request.ContentLength, maxBytes, gzip, cancellationToken);
            }

            await using var decompressed = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
            return await ReadLimitedAsync(decompressed, null, maxBytes, gzip, cancellationToken);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge(maxBytes, gzip));
        }
        catch (InvalidDataException exception) when (gzip)
        {
            return (default, ApiProblems.Problem(ProblemTypes.InvalidContentEncoding, StatusCodes.Status400BadRequest,
                "Body not decodable", $"The body is not valid gzip: {exception.Message}"));
        }
    }

    private static async Task<(ReadOnlyMemory<byte>, ProblemHttpResult?)> ReadLimitedAsync(
        Stream source, long? contentLength, long maxBytes, bool gzip, CancellationToken cancellationToken)
    {
        // One byte of room past the declared length (or the limit) so the end of the body, or a
        // body longer than the limit, is seen without another allocation.
        var buffer = new byte[(int)Math.Min(contentLength ?? InitialCapacity, maxBytes) + 1];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, maxBytes + 1));
            }

            var read = await source.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                return (buffer.AsMemory(0, length), null);
            }

            length += read;
            if (length > maxBytes)
            {
                return (default, TooLarge(maxBytes, gzip));
            }
        }
    }

    private static ProblemHttpResult TooLarge(long maxBytes, bool gzip) =>
        ApiProblems.Problem(ProblemTypes.PayloadTooLarge, StatusCodes.Status413PayloadTooLarge, "Payload too large",
            $"A component may be at most {maxBytes} bytes{(gzip ? " once decompressed" : "")}.",
            new Dictionary<string, object?> { ["maxBytes"] = maxBytes });
}
