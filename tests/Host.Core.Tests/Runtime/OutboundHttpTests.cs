using System.Diagnostics;
using System.Text;
using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>
/// The <c>outbound-http</c> import against a real HTTP server on a loopback port
/// (<see cref="LoopbackHttpServer"/>): what the allow-list lets through reaches it, everything the
/// host refuses is an <c>err</c> value with no connection made (a raw listener counts them).
/// </summary>
[Collection(OutboundHttpCollection.Name)]
public sealed class OutboundHttpTests(OutboundHttpFixture fixture)
{
    private static readonly SandboxLimits FiveSeconds = new() { Timeout = TimeSpan.FromSeconds(5) };

    private static InvocationContext For(string tenant, string component, bool shadow = false) =>
        new() { TenantId = tenant, ComponentName = component, Version = "1", IsShadow = shadow };

    private static OutboundOrigin Origin(string text) =>
        OutboundOrigin.TryParse(text, out var origin, out var error) ? origin : throw new ArgumentException(error, nameof(text));

    /// <summary>Runs <c>fetch</c> as component <c>fetcher</c> of a fresh tenant allowed <paramref name="allowed"/>.</summary>
    private InvocationResult Fetch(
        string method, string url, string headers = "", string body = "", string[]? allowed = null, bool shadow = false, SandboxLimits? limits = null)
    {
        var tenant = "http-" + Guid.NewGuid().ToString("N")[..8];
        fixture.Origins.Set(tenant, "fetcher", (allowed ?? [fixture.Server.Origin]).Select(Origin));
        return fixture.Sandbox.Invoke(
            fixture.Guest,
            OutboundHttpFixture.FetchTarget,
            [ComponentValue.String(method), ComponentValue.String(url), ComponentValue.String(headers), ComponentValue.String(body)],
            For(tenant, "fetcher", shadow),
            limits ?? FiveSeconds);
    }

    private static (int Status, string Headers, string Body) Response(InvocationResult result)
    {
        Assert.True(result.Outcome == InvocationOutcome.Ok, $"{result.Outcome}: {result.Error} {Describe(result)}");
        var response = result.Output!.Payload!;
        return (response.Field("status").AsU16(), response.Field("headers").AsString(), response.Field("body").AsString());
    }

    private static (string Case, string? Message) Error(InvocationResult result)
    {
        Assert.True(result.Outcome == InvocationOutcome.GuestError, $"{result.Outcome}: {result.Error}");
        var error = result.Output!.Payload!;
        return (error.AsVariant(), error.Payload?.AsString());
    }

    private static string Describe(InvocationResult result) =>
        result.Output is { IsOk: false, Payload: { } error } ? $"{error.AsVariant()}({error.Payload?.AsString()})" : "";

    [Fact]
    public void Fetch_AllowedOrigin_ReachesTheServerWithItsMethodHeadersAndBody()
    {
        var before = fixture.Server.Requests.Count;

        var (status, headers, body) = Response(Fetch(
            "POST", fixture.Server.Origin + "/echo?x=1", "content-type: application/json\r\nx-trace: 42\n\n", """{"order":7}"""));

        var seen = fixture.Server.Requests.Skip(before).Single(r => r.Header("x-trace") == "42");
        Assert.Equal(200, status);
        Assert.Equal("""{"order":7}""", body);
        Assert.Contains("x-echo-method: POST", headers.Split('\n'));
        Assert.Equal(("POST", "/echo?x=1", "application/json"), (seen.Method, seen.Target, seen.Header("content-type")));
        Assert.Equal("""{"order":7}""", Encoding.UTF8.GetString(seen.Body));
        Assert.Equal($"127.0.0.1:{fixture.Server.Port}", seen.Header("host"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("HEAD")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public void Fetch_EveryAllowedMethod_ReachesTheServer(string method)
    {
        var (status, headers, body) = Response(Fetch(method, fixture.Server.Origin + "/echo"));

        Assert.Equal(200, status);
        Assert.Equal("", body);
        Assert.Contains(method == "HEAD" ? "Content-Length: 0" : $"x-echo-method: {method}", headers.Split('\n'), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public void Fetch_ServerErrorStatus_IsAResponseNotAnError()
    {
        var (status, _, body) = Response(Fetch("GET", fixture.Server.Origin + "/missing"));

        Assert.Equal((404, "not found"), (status, body));
    }

    [Fact]
    public void Fetch_OriginNotOnTheList_IsForbiddenAndNothingConnects()
    {
        using var other = new LoopbackHttpServer(http: false);

        var error = Error(Fetch("GET", other.Origin + "/echo"));

        Assert.Equal(("forbidden", $"{other.Origin} is not on this component's allow-list"), error);
        Assert.Equal(0, other.Connections);
    }

    [Fact]
    public void Fetch_SameHostOtherScheme_IsForbiddenAndNothingConnects()
    {
        using var other = new LoopbackHttpServer(http: false);

        var error = Error(Fetch("GET", $"https://127.0.0.1:{other.Port}/", allowed: [other.Origin]));

        Assert.Equal("forbidden", error.Case);
        Assert.Equal(0, other.Connections);
    }

    [Fact]
    public void Fetch_OriginAllowedForAnotherComponentOfTheTenant_IsForbidden()
    {
        using var other = new LoopbackHttpServer(http: false);
        fixture.Origins.Set("http-shared", "someone-else", Origin(other.Origin));
        fixture.Origins.Set("http-shared", "fetcher");

        var result = fixture.Sandbox.Invoke(
            fixture.Guest, OutboundHttpFixture.FetchTarget,
            [ComponentValue.String("GET"), ComponentValue.String(other.Origin), ComponentValue.String(""), ComponentValue.String("")],
            For("http-shared", "fetcher"), FiveSeconds);

        Assert.Equal("forbidden", Error(result).Case);
        Assert.Equal(0, other.Connections);
    }

    [Fact]
    public void Fetch_InAShadowRun_IsForbiddenAndNothingConnects()
    {
        using var other = new LoopbackHttpServer(http: false);

        var error = Error(Fetch("POST", other.Origin + "/echo", body: "side effect", allowed: [other.Origin], shadow: true));

        Assert.Equal(("forbidden", "shadow runs make no outbound requests"), error);
        Assert.Equal(0, other.Connections);
    }

    [Fact]
    public void Fetch_AllowedNameResolvingToLoopback_FailsWithoutConnecting()
    {
        using var other = new LoopbackHttpServer(http: false);

        var error = Error(Fetch("GET", $"http://localhost:{other.Port}/", allowed: [$"http://localhost:{other.Port}"]));

        Assert.Equal("failed", error.Case);
        Assert.StartsWith("localhost resolves to no public address", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, other.Connections);
    }

    [Theory]
    [InlineData("CONNECT", "/echo", "", "the method must be one of")]
    [InlineData("get", "/echo", "", "the method must be one of")]
    [InlineData("GET", "/echo", "host: example.com", "header 'host' is set by the host")]
    [InlineData("GET", "/echo", "Transfer-Encoding: chunked", "header 'Transfer-Encoding' is set by the host")]
    [InlineData("GET", "/echo", "connection: upgrade", "header 'connection' is set by the host")]
    [InlineData("GET", "/echo", "content-length: 5", "header 'content-length' is set by the host")]
    [InlineData("GET", "/echo", "no colon here", "header line 1 is not 'name: value'")]
    [InlineData("GET", "/echo", "x-ok: 1\nbad name: 2", "header line 2 is not 'name: value'")]
    [InlineData("GET", "/echo", "x-smuggle: a\rGET / HTTP/1.1", "the value of header 'x-smuggle' has a control or non-ASCII character")]
    [InlineData("GET", "/echo", "x-name: caf\u00e9", "the value of header 'x-name' has a control or non-ASCII character")]
    public void Fetch_MalformedRequest_IsInvalidRequestAndNothingConnects(string method, string path, string headers, string expected)
    {
        using var other = new LoopbackHttpServer(http: false);

        var error = Error(Fetch(method, other.Origin + path, headers, allowed: [other.Origin]));

        Assert.Equal("invalid-request", error.Case);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, other.Connections);
    }

    [Theory]
    [InlineData("/echo", "the URL must be an absolute http or https URL")]
    [InlineData("ftp://127.0.0.1/", "the scheme is 'ftp'; only http and https are allowed")]
    [InlineData("http://user:secret@127.0.0.1/", "user information in the URL is not allowed; send credentials in a header")]
    public void Fetch_UrlTheHostDoesNotSendTo_IsInvalidRequest(string url, string expected)
    {
        Assert.Equal(("invalid-request", expected), Error(Fetch("GET", url)));
    }

    [Fact]
    public void Fetch_BodyOverTheCap_IsInvalidRequestAndNothingConnects()
    {
        using var other = new LoopbackHttpServer(http: false);
        var max = new OutboundHttpOptions().MaxRequestBodyBytes;

        var error = Error(Fetch("POST", other.Origin + "/echo", body: new string('é', max / 2 + 1), allowed: [other.Origin]));

        Assert.Equal(("invalid-request", $"the body is over {max} bytes"), error);
        Assert.Equal(0, other.Connections);
    }

    [Fact]
    public void Fetch_BodyExactlyAtTheCap_IsSent()
    {
        var max = new OutboundHttpOptions().MaxRequestBodyBytes;
        var before = fixture.Server.Requests.Count;

        var (status, _, _) = Response(Fetch("PUT", fixture.Server.Origin + "/bytes?n=0", body: new string('b', max)));

        Assert.Equal(200, status);
        Assert.Contains(fixture.Server.Requests.Skip(before), r => r.Method == "PUT" && r.Body.Length == max);
    }

    [Fact]
    public void Fetch_ResponseOverTheCapWithALength_FailsWithoutReadingIt()
    {
        var error = Error(Fetch("GET", $"{fixture.Server.Origin}/bytes?n={OutboundHttpFixture.MaxResponseBodyBytes + 1}"));

        Assert.Equal(("failed", $"the response body is {OutboundHttpFixture.MaxResponseBodyBytes + 1} bytes; the limit is {OutboundHttpFixture.MaxResponseBodyBytes}"), error);
    }

    [Fact]
    public void Fetch_ChunkedResponseOverTheCap_FailsAtTheCap()
    {
        var error = Error(Fetch("GET", $"{fixture.Server.Origin}/bytes?n={4 * OutboundHttpFixture.MaxResponseBodyBytes}&chunked=1"));

        Assert.Equal(("failed", $"the response body is over the limit of {OutboundHttpFixture.MaxResponseBodyBytes} bytes"), error);
    }

    [Fact]
    public void Fetch_ChunkedResponseExactlyAtTheCap_IsReturned()
    {
        var (_, _, body) = Response(Fetch("GET", $"{fixture.Server.Origin}/bytes?n={OutboundHttpFixture.MaxResponseBodyBytes}&chunked=1"));

        Assert.Equal(OutboundHttpFixture.MaxResponseBodyBytes, body.Length);
    }

    [Fact]
    public void Fetch_ResponseWithInvalidUtf8_IsTextWithReplacementCharacters()
    {
        var (_, _, body) = Response(Fetch("GET", fixture.Server.Origin + "/invalid-utf8"));

        Assert.Equal("A\uFFFDB", body);
    }

    [Fact]
    public void Fetch_Redirect_IsReturnedNotFollowed()
    {
        using var other = new LoopbackHttpServer(http: false);

        var (status, headers, _) = Response(Fetch("GET", $"{fixture.Server.Origin}/redirect?to={Uri.EscapeDataString(other.Origin + "/")}"));

        Assert.Equal(302, status);
        Assert.Contains($"Location: {other.Origin}/", headers.Split('\n'));
        Assert.Equal(0, other.Connections);
    }

    /// <summary>The request's own limit is shorter than what the call has left: the guest gets <c>err(timeout)</c> and carries on.</summary>
    [Fact]
    public void Fetch_ServerSlowerThanTheRequestTimeout_IsTimeout()
    {
        var error = Error(Fetch("GET", fixture.Server.Origin + "/slow"));

        Assert.Equal(("timeout", null), error);
    }

    [Fact]
    public void Fetch_BodySlowerThanTheRequestTimeout_IsTimeout()
    {
        var error = Error(Fetch("GET", fixture.Server.Origin + "/slow-body"));

        Assert.Equal(("timeout", null), error);
    }

    /// <summary>
    /// The call's deadline is shorter than the request's own limit: waiting on the server counts
    /// against it, so the call ends at its deadline as <c>timeout</c>, whatever the server does.
    /// </summary>
    [Fact]
    public void Fetch_ServerSlowerThanTheCallsDeadline_EndsTheCallAsTimeout()
    {
        var elapsed = Stopwatch.StartNew();

        var result = Fetch("GET", fixture.Server.Origin + "/slow", limits: new SandboxLimits { Timeout = TimeSpan.FromMilliseconds(150) });

        elapsed.Stop();
        Assert.True(
            result.Outcome == InvocationOutcome.Timeout || (result.Outcome == InvocationOutcome.GuestError && Describe(result) == "timeout()"),
            $"{result.Outcome}: {result.Error} {Describe(result)}");
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(10), $"the call took {elapsed.Elapsed}");
    }

    [Fact]
    public void Fetch_OutboundHttpTurnedOff_IsForbiddenAndNothingConnects()
    {
        using var other = new LoopbackHttpServer(http: false);
        var origins = new InMemoryOutboundOriginSource();
        origins.Set("http-off", "fetcher", Origin(other.Origin));
        using var engine = new SandboxEngine(RuntimeFixture.TestOptions(), Core.Runtime.Imports.HostCapabilities.Standard(
            new Core.Runtime.Imports.KeyValue.InMemoryKeyValueStore(new()), new Core.Runtime.Imports.Config.InMemoryConfigSource(),
            outboundOrigins: origins, outboundHttpOptions: new OutboundHttpOptions { Enabled = false }));

        var result = new ComponentSandbox(engine).Invoke(
            engine.CompileText(Guests.Wat("outbound-fetch")), OutboundHttpFixture.FetchTarget,
            [ComponentValue.String("GET"), ComponentValue.String(other.Origin), ComponentValue.String(""), ComponentValue.String("")],
            For("http-off", "fetcher"), FiveSeconds);

        Assert.Equal(("forbidden", "outbound HTTP is turned off on this host"), Error(result));
        Assert.Equal(0, other.Connections);
    }
}
