using ExtensibilityHost.Api.Endpoints.Components;
using Microsoft.AspNetCore.Http;

namespace ExtensibilityHost.Api.Tests;

/// <summary>The upload body reader on its own: the limit holds while the body streams in, before and after gzip.</summary>
public sealed class WasmRequestBodyTests
{
    private const long Limit = 1024 * 1024;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Read_EndlessBody_StopsOneByteAfterTheLimit()
    {
        var body = new CountingStream(totalBytes: 64 * Limit);

        var (_, problem) = await WasmRequestBody.ReadAsync(Request(body, gzip: false), Limit, Cancellation);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, problem?.StatusCode);
        Assert.Equal(Limit + 1, body.Produced);
    }

    [Fact]
    public async Task Read_GzipBomb_StopsAtTheDecompressedLimitHavingReadLittleOfTheBomb()
    {
        var bomb = TestWasm.Gzip(new byte[64 * Limit]);
        var body = new CountingStream(bomb);

        var (_, problem) = await WasmRequestBody.ReadAsync(Request(body, gzip: true), Limit, Cancellation);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, problem?.StatusCode);
        Assert.True(body.Produced < bomb.Length / 4, $"read {body.Produced} of the bomb's {bomb.Length} compressed bytes");
    }

    [Fact]
    public async Task Read_BodyExactlyAtTheLimit_IsAccepted()
    {
        var body = new CountingStream(totalBytes: Limit);

        var (content, problem) = await WasmRequestBody.ReadAsync(Request(body, gzip: false), Limit, Cancellation);

        Assert.Null(problem);
        Assert.Equal(Limit, content.Length);
    }

    [Fact]
    public async Task Read_DeclaredLengthOverTheLimit_IsRefusedWithoutReading()
    {
        var body = new CountingStream(totalBytes: 2 * Limit);
        var request = Request(body, gzip: false);
        request.ContentLength = 2 * Limit;

        var (_, problem) = await WasmRequestBody.ReadAsync(request, Limit, Cancellation);

        Assert.Equal(StatusCodes.Status413PayloadTooLarge, problem?.StatusCode);
        Assert.Equal(0, body.Produced);
    }

    private static HttpRequest Request(Stream body, bool gzip)
    {
        var http = new DefaultHttpContext();
        http.Request.Body = body;
        http.Request.ContentType = "application/wasm";
        if (gzip)
        {
            http.Request.Headers.ContentEncoding = "gzip";
        }

        return http.Request;
    }
}
