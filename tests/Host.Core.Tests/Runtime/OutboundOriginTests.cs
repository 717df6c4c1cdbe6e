using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>Allow-list entries: what is an origin, and the one form each is compared and shown in.</summary>
public sealed class OutboundOriginTests
{
    private static OutboundOrigin Parse(string text)
    {
        Assert.True(OutboundOrigin.TryParse(text, out var origin, out var error), error);
        return origin;
    }

    [Theory]
    [InlineData("https://api.example.com", "https://api.example.com")]
    [InlineData("https://API.Example.COM/", "https://api.example.com")]
    [InlineData("HTTPS://api.example.com:443", "https://api.example.com")]
    [InlineData("http://api.example.com:80", "http://api.example.com")]
    [InlineData("http://api.example.com:443", "http://api.example.com:443")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123")]
    [InlineData("http://[::1]:8080", "http://[::1]:8080")]
    [InlineData("https://bücher.example", "https://xn--bcher-kva.example")]
    public void TryParse_Origin_IsReadInItsCanonicalForm(string text, string canonical)
    {
        Assert.True(OutboundOrigin.TryParse(text, out var origin, out var error), error);

        Assert.Equal(canonical, origin.ToString());
    }

    [Theory]
    [InlineData("", "an origin must not be empty")]
    [InlineData("api.example.com", "'api.example.com' is not an absolute URL such as https://api.example.com")]
    [InlineData("/var/run", "'/var/run' is not an absolute URL such as https://api.example.com")]
    [InlineData("https://api.example.com/v1", "'https://api.example.com/v1' has a path; an origin is scheme, host and port only")]
    [InlineData("https://api.example.com?key=1", "'https://api.example.com?key=1' has a query; an origin is scheme, host and port only")]
    [InlineData("https://api.example.com#top", "'https://api.example.com#top' has a fragment; an origin is scheme, host and port only")]
    [InlineData("ftp://files.example.com", "the scheme is 'ftp'; only http and https are allowed")]
    [InlineData("https://user:pw@api.example.com", "user information in the URL is not allowed; send credentials in a header")]
    [InlineData("https://api.example.com ", "'https://api.example.com ' is not an absolute URL such as https://api.example.com")]
    public void TryParse_NotAnOrigin_SaysWhy(string text, string expected)
    {
        Assert.False(OutboundOrigin.TryParse(text, out _, out var error));

        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_LongerThanTheColumn_SaysSo()
    {
        Assert.False(OutboundOrigin.TryParse("https://" + new string('a', OutboundOrigin.MaxLength) + ".example", out _, out var error));

        Assert.Equal($"an origin is at most {OutboundOrigin.MaxLength} characters", error);
    }

    [Fact]
    public void Equality_SpellingsOfOneOrigin_AreEqual()
    {
        var a = Parse("https://API.example.com:443/");
        var b = Parse("https://api.EXAMPLE.com");

        Assert.Equal(a, b);
    }

    [Theory]
    [InlineData("http://127.0.0.1", true)]
    [InlineData("http://[::1]", true)]
    [InlineData("http://localhost", false)]
    [InlineData("https://api.example.com", false)]
    public void IsAddress_HostIsAnIpLiteral_IsTrue(string text, bool expected)
    {
        var origin = Parse(text);

        Assert.Equal(expected, origin.IsAddress);
    }
}
