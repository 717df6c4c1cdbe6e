using System.Buffers;
using System.Text;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// The host's checks of a guest's request before anything is sent: sizes first (on lengths the
/// strings already have, so an over-long argument costs nothing more), then the method, the URL and
/// the header lines. The allow-list is the caller's to check, on <see cref="OutboundRequest.Origin"/>.
/// </summary>
internal static class OutboundRequestReader
{
    /// <summary>
    /// Headers the host sets or that govern the connection rather than the request (RFC 9110 §7.6.1):
    /// a guest setting them could smuggle a second request or reach another virtual host.
    /// </summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "content-length", "connection", "keep-alive", "proxy-connection", "proxy-authenticate",
        "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "expect", "http2-settings",
    };

    /// <summary>RFC 9110 <c>tchar</c>: what a header name may contain.</summary>
    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");

    /// <summary>The request, or <see langword="null"/> and an <c>invalid-request</c> result saying why.</summary>
    public static OutboundRequest? Read(string method, string url, string headers, string body, OutboundHttpOptions options, out FetchResult? error)
    {
        error = CheckSizes(url, headers, body, options);
        if (error is not null)
        {
            return null;
        }

        if (!options.Methods.Contains(method, StringComparer.Ordinal))
        {
            error = FetchResult.InvalidRequest($"the method must be one of {string.Join(", ", options.Methods)} (upper case)");
            return null;
        }

        if (!OutboundOrigin.TryCreateAbsolute(url, out var uri))
        {
            error = FetchResult.InvalidRequest("the URL must be an absolute http or https URL");
            return null;
        }

        if (OutboundOrigin.OfRequest(uri, out var problem) is not { } origin)
        {
            error = FetchResult.InvalidRequest(problem!);
            return null;
        }

        var fields = ReadHeaders(headers, out var headerProblem);
        if (fields is null)
        {
            error = FetchResult.InvalidRequest(headerProblem!);
            return null;
        }

        return new OutboundRequest
        {
            Method = new HttpMethod(method),
            Url = uri,
            Origin = origin,
            Headers = fields,
            Body = body.Length == 0 ? [] : Encoding.UTF8.GetBytes(body),
        };
    }

    private static FetchResult? CheckSizes(string url, string headers, string body, OutboundHttpOptions options)
    {
        // A string's UTF-8 length is at least its length in chars: compare that first, so a huge
        // argument is refused without being read.
        if (url.Length > options.MaxUrlBytes || Encoding.UTF8.GetByteCount(url) > options.MaxUrlBytes)
        {
            return FetchResult.InvalidRequest($"the URL is over {options.MaxUrlBytes} bytes");
        }

        if (headers.Length > options.MaxHeaderBytes || Encoding.UTF8.GetByteCount(headers) > options.MaxHeaderBytes)
        {
            return FetchResult.InvalidRequest($"the headers are over {options.MaxHeaderBytes} bytes");
        }

        return body.Length > options.MaxRequestBodyBytes || Encoding.UTF8.GetByteCount(body) > options.MaxRequestBodyBytes
            ? FetchResult.InvalidRequest($"the body is over {options.MaxRequestBodyBytes} bytes")
            : null;
    }

    /// <summary>Reads <c>name: value</c> lines separated by <c>\n</c> (a <c>\r</c> before it is dropped; blank lines are skipped).</summary>
    private static List<KeyValuePair<string, string>>? ReadHeaders(string text, out string? problem)
    {
        problem = null;
        List<KeyValuePair<string, string>> fields = [];
        var number = 0;
        foreach (var range in text.AsSpan().Split('\n'))
        {
            number++;
            var line = text.AsSpan(range);
            if (line is [.., '\r'])
            {
                line = line[..^1];
            }

            if (line.IsWhiteSpace())
            {
                continue;
            }

            var colon = line.IndexOf(':');
            var name = colon < 0 ? line : line[..colon];
            if (colon <= 0 || name.ContainsAnyExcept(TokenChars))
            {
                problem = $"header line {number} is not 'name: value' with a valid name";
                return null;
            }

            var value = line[(colon + 1)..].Trim(" \t");
            if (!IsFieldValue(value))
            {
                problem = $"the value of header '{name}' has a control or non-ASCII character";
                return null;
            }

            var fieldName = name.ToString();
            if (ReservedHeaders.Contains(fieldName))
            {
                problem = $"header '{fieldName}' is set by the host or governs the connection; it may not be sent";
                return null;
            }

            fields.Add(new(fieldName, value.ToString()));
        }

        return fields;
    }

    /// <summary>Visible ASCII, spaces and tabs (RFC 9110 <c>field-value</c> without obsolete text).</summary>
    private static bool IsFieldValue(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (c is not ('\t' or (>= ' ' and <= '~')))
            {
                return false;
            }
        }

        return true;
    }
}
