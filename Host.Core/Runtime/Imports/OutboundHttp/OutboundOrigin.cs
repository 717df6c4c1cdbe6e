using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// The scheme, host and port a request goes to, as the allow-list names them
/// (<c>https://api.example.com</c>, <c>http://127.0.0.1:5123</c>): what an admin allows and what
/// a request's URL must match exactly. Hosts are compared in their ASCII (IDNA) form, lower case,
/// with the port made explicit.
/// </summary>
/// <param name="Scheme"><c>http</c> or <c>https</c>.</param>
/// <param name="Host">The host in ASCII, lower case; an IPv6 address without brackets.</param>
/// <param name="Port">The port, explicit or the scheme's default.</param>
public sealed record OutboundOrigin(string Scheme, string Host, int Port)
{
    /// <summary>The longest origin text accepted, in characters (a DNS name is at most 253).</summary>
    public const int MaxLength = Persistence.Configurations.Lengths.Origin;

    /// <summary>Whether the host is an IP address rather than a name.</summary>
    public bool IsAddress => Uri.CheckHostName(Host) is UriHostNameType.IPv4 or UriHostNameType.IPv6;

    /// <summary>
    /// Reads an allow-list entry: an absolute <c>http</c> or <c>https</c> URL with a host, an
    /// optional port and nothing else (a trailing <c>/</c> is tolerated).
    /// </summary>
    /// <param name="text">The entry.</param>
    /// <param name="origin">The origin read.</param>
    /// <param name="error">Why <paramref name="text"/> is not an origin.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out OutboundOrigin? origin, [NotNullWhen(false)] out string? error)
    {
        origin = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "an origin must not be empty";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"an origin is at most {MaxLength} characters";
            return false;
        }

        if (!TryCreateAbsolute(text, out var uri) || text.Any(char.IsWhiteSpace))
        {
            error = $"'{text}' is not an absolute URL such as https://api.example.com";
            return false;
        }

        error = Problem(uri) ?? (uri.AbsolutePath != "/"
            ? $"'{text}' has a path; an origin is scheme, host and port only"
            : uri.Query.Length > 0 || text.Contains('?', StringComparison.Ordinal)
                ? $"'{text}' has a query; an origin is scheme, host and port only"
                : uri.Fragment.Length > 0 || text.Contains('#', StringComparison.Ordinal)
                    ? $"'{text}' has a fragment; an origin is scheme, host and port only"
                    : null);
        if (error is not null)
        {
            return false;
        }

        origin = Of(uri);
        return true;
    }

    /// <summary>The origin of a request URL, or why it has none the host would send to.</summary>
    internal static OutboundOrigin? OfRequest(Uri uri, out string? error)
    {
        error = Problem(uri);
        return error is null ? Of(uri) : null;
    }

    /// <summary>
    /// An absolute URL that names its scheme: <see cref="Uri"/> alone reads a Unix path such as
    /// <c>/echo</c> as a <c>file:</c> URL.
    /// </summary>
    internal static bool TryCreateAbsolute(string text, [NotNullWhen(true)] out Uri? uri)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out uri) && text.AsSpan().TrimStart().StartsWith(uri.Scheme + ":", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        uri = null;
        return false;
    }

    /// <summary><c>scheme://host</c>, with <c>:port</c> when it is not the scheme's default.</summary>
    public override string ToString()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        return Port == DefaultPort(Scheme)
            ? $"{Scheme}://{host}"
            : string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{host}:{Port}");
    }

    /// <summary>Whether a connection's end point is this origin's host and port (names compared without case).</summary>
    internal bool IsEndPoint(string host, int port) =>
        port == Port && string.Equals(host.Trim('[', ']'), Host, StringComparison.OrdinalIgnoreCase);

    private static OutboundOrigin Of(Uri uri) => new(uri.Scheme, uri.IdnHost.ToLowerInvariant(), uri.Port);

    private static string? Problem(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return $"the scheme is '{uri.Scheme}'; only http and https are allowed";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "user information in the URL is not allowed; send credentials in a header";
        }

        return uri.HostNameType is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6 && uri.IdnHost.Length > 0
            ? null
            : "the URL has no host name or address";
    }

    private static int DefaultPort(string scheme) => scheme == Uri.UriSchemeHttps ? 443 : 80;
}
