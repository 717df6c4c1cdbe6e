using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>The host's checks of a guest's request, before any connection.</summary>
public sealed class OutboundRequestReaderTests
{
    private static readonly OutboundHttpOptions Options = new() { MaxUrlBytes = 64, MaxHeaderBytes = 256, MaxRequestBodyBytes = 8 };

    private static OutboundRequest? Read(string method = "GET", string url = "https://api.example.com/x", string headers = "", string body = "") =>
        OutboundRequestReader.Read(method, url, headers, body, Options, out _);

    private static string? Problem(string method = "GET", string url = "https://api.example.com/x", string headers = "", string body = "")
    {
        Assert.Null(OutboundRequestReader.Read(method, url, headers, body, Options, out var error));
        Assert.Equal(FetchErrorKind.InvalidRequest, error!.Error);
        return error.Message;
    }

    [Fact]
    public void Read_ValidRequest_HasItsOriginHeadersAndUtf8Body()
    {
        var request = Read("POST", "https://API.example.com:443/v1?q=1", "accept: text/plain\r\n\r\nx-a:  spaced \t\n", "héllo");

        Assert.NotNull(request);
        Assert.Equal("https://api.example.com", request.Origin.ToString());
        Assert.Equal([new("accept", "text/plain"), new("x-a", "spaced")], request.Headers);
        Assert.Equal("héllo"u8.ToArray(), request.Body);
    }

    [Fact]
    public void Read_EmptyHeadersAndBody_HasNone()
    {
        var request = Read();

        Assert.Empty(request!.Headers);
        Assert.Empty(request.Body);
    }

    [Fact]
    public void Read_UrlOverTheCap_IsRefusedBeforeItIsParsed() =>
        Assert.Equal("the URL is over 64 bytes", Problem(url: "https://api.example.com/" + new string('a', 64)));

    [Fact]
    public void Read_HeadersOverTheCap_AreRefused() =>
        Assert.Equal("the headers are over 256 bytes", Problem(headers: "x-a: " + new string('a', 256)));

    [Fact]
    public void Read_BodyOverTheCapInUtf8Bytes_IsRefused() =>
        Assert.Equal("the body is over 8 bytes", Problem(body: "ééééé"));

    [Fact]
    public void Read_ConfiguredMethods_LimitWhatIsAllowed()
    {
        var getOnly = new OutboundHttpOptions { AllowedMethods = ["GET"] };

        Assert.Null(OutboundRequestReader.Read("POST", "https://api.example.com", "", "", getOnly, out var error));
        Assert.Equal("the method must be one of GET (upper case)", error!.Message);
    }

    [Theory]
    [InlineData("Host")]
    [InlineData("TE")]
    [InlineData("Upgrade")]
    [InlineData("Keep-Alive")]
    [InlineData("Proxy-Authorization")]
    [InlineData("Expect")]
    [InlineData("Trailer")]
    public void Read_ConnectionOrHostHeader_IsRefused(string name) =>
        Assert.Equal($"header '{name}' is set by the host or governs the connection; it may not be sent", Problem(headers: $"{name}: x"));

    [Theory]
    [InlineData(": no name")]
    [InlineData("x-a\u0000: 1")]
    [InlineData("x(a): 1")]
    public void Read_HeaderNameNotAToken_IsRefused(string line) =>
        Assert.Equal("header line 1 is not 'name: value' with a valid name", Problem(headers: line));

    [Fact]
    public void Read_HeaderValueWithATab_IsKept() =>
        Assert.Equal("a\tb", Read(headers: "x-a: a\tb")!.Headers[0].Value);
}
