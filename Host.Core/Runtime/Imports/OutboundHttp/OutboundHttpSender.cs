using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// Sends checked requests (<see cref="OutboundRequest"/>) for the <c>outbound-http</c> import: one
/// connection pool per host, connections opened only through <see cref="ConnectAsync"/>, which
/// reaches nothing but the request's allowed origin.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Send"/> is synchronous (<see cref="HttpClient.Send(HttpRequestMessage, HttpCompletionOption, CancellationToken)"/>),
/// like every host import: it runs on the guest call's thread, which the guest occupies until it
/// returns anyway. Connections are opened by the pool on its own threads, so the connect callback
/// is asynchronous and the request just waits for it.
/// </para>
/// <para>
/// No proxy (it would make the proxy the end point), no redirects (a redirect to another origin
/// would bypass the allow-list: the guest sees the 3xx), no cookies (connections are shared by
/// tenants), no decompression (the body cap counts bytes as sent) and no draining of an unread
/// body (a connection given up on is closed at once rather than read for up to two seconds).
/// </para>
/// </remarks>
internal sealed class OutboundHttpSender : IDisposable
{
    private static readonly HttpRequestOptionsKey<OutboundOrigin> AllowedOrigin = new("ExtensibilityHost.OutboundOrigin");

    private readonly OutboundHttpOptions _options;
    private readonly HttpClient _client;

    public OutboundHttpSender(OutboundHttpOptions options)
    {
        _options = options;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseDrainSize = 0,
            ResponseDrainTimeout = TimeSpan.Zero,
            MaxResponseHeadersLength = Math.Max(1, (options.MaxHeaderBytes + 1023) / 1024),
            ConnectTimeout = options.ConnectTimeout,
            // Pooled connections are re-resolved after this, so a changed DNS answer is checked again.
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads its response within <paramref name="timeout"/>: a
    /// response, or <c>timeout</c>, or <c>failed</c> (connection, TLS, a response over the caps).
    /// </summary>
    public FetchResult Send(OutboundRequest request, TimeSpan timeout)
    {
        using var message = new HttpRequestMessage(request.Method, request.Url)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        message.Options.Set(AllowedOrigin, request.Origin);
        if (request.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(request.Body);
        }

        foreach (var (name, value) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value)
                && !(message.Content ??= new ByteArrayContent([])).Headers.TryAddWithoutValidation(name, value))
            {
                return FetchResult.InvalidRequest($"header '{name}' cannot be sent");
            }
        }

        using var deadline = new CancellationTokenSource(timeout);
        HttpResponseMessage response;
        try
        {
            response = _client.Send(message, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
        }
        catch (Exception e) when (deadline.IsCancellationRequested && e is OperationCanceledException or HttpRequestException or IOException)
        {
            return FetchResult.Timeout;
        }
        catch (HttpRequestException e)
        {
            return FetchResult.Failed(Describe(e));
        }

        using (response)
        {
            // Reads of the body do not observe a token: ending the response aborts its connection.
            using var abort = deadline.Token.Register(static r => ((HttpResponseMessage)r!).Dispose(), response);
            try
            {
                return Read(response, request.Method == HttpMethod.Head, deadline.Token);
            }
            catch (Exception e) when (deadline.IsCancellationRequested && e is OperationCanceledException or HttpRequestException or IOException or ObjectDisposedException)
            {
                return FetchResult.Timeout;
            }
            catch (Exception e) when (e is HttpRequestException or IOException)
            {
                return FetchResult.Failed("the connection failed while the response was read");
            }
        }
    }

    public void Dispose() => _client.Dispose();

    private FetchResult Read(HttpResponseMessage response, bool head, CancellationToken cancellationToken)
    {
        var max = _options.MaxResponseBodyBytes;
        var length = response.Content.Headers.ContentLength;
        if (!head && length > max)
        {
            return FetchResult.Failed($"the response body is {length} bytes; the limit is {max}");
        }

        var headers = HeaderLines(response);
        if (head)
        {
            return FetchResult.Response((int)response.StatusCode, headers, "");
        }

        using var stream = response.Content.ReadAsStream(cancellationToken);
        var body = ReadCapped(stream, max, length);
        return body is null
            ? FetchResult.Failed($"the response body is over the limit of {max} bytes")
            : FetchResult.Response((int)response.StatusCode, headers, body);
    }

    /// <summary>The body as UTF-8 text (invalid bytes replaced), or <see langword="null"/> once more than <paramref name="max"/> bytes came.</summary>
    private static string? ReadCapped(Stream stream, int max, long? length)
    {
        // One byte past the cap tells an over-long body from one exactly at it.
        var limit = (long)max + 1;
        var buffer = new byte[(int)Math.Min(limit, length is { } known ? known + 1 : 16 * 1024)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > max)
                {
                    return null;
                }

                Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                return Encoding.UTF8.GetString(buffer, 0, total);
            }

            total += read;
        }
    }

    private static string HeaderLines(HttpResponseMessage response)
    {
        var text = new StringBuilder();
        Append(text, response.Headers.NonValidated);
        Append(text, response.Content.Headers.NonValidated);
        return text.ToString();

        static void Append(StringBuilder text, HttpHeadersNonValidated headers)
        {
            foreach (var (name, values) in headers)
            {
                foreach (var value in values)
                {
                    if (text.Length > 0)
                    {
                        text.Append('\n');
                    }

                    text.Append(name).Append(": ").Append(value);
                }
            }
        }
    }

    /// <summary>The host's words for a failure: never the exception's, which may name internal addresses.</summary>
    private static string Describe(HttpRequestException exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is OutboundConnectionRefusedException refused)
            {
                return refused.Message;
            }

            if (inner is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData })
            {
                return "the host name could not be resolved";
            }
        }

        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "the host name could not be resolved",
            HttpRequestError.ConnectionError => "the connection could not be made",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.ConfigurationLimitExceeded => "the response headers are over the host's limit",
            HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded => "the response is not valid HTTP/1.1",
            _ => "the request failed",
        };
    }

    /// <summary>
    /// Opens every connection: only to the host and port of the request's allowed origin, and for an
    /// allowed <em>name</em> only to public addresses unless <see cref="OutboundHttpOptions.AllowNonPublicAddressesByName"/>.
    /// </summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endPoint = context.DnsEndPoint;
        if (!context.InitialRequestMessage.Options.TryGetValue(AllowedOrigin, out var origin) || !origin.IsEndPoint(endPoint.Host, endPoint.Port))
        {
            throw new OutboundConnectionRefusedException("the connection's end point is not the allowed origin");
        }

        IPAddress[] addresses = origin.IsAddress
            ? [IPAddress.Parse(origin.Host)]
            : await Dns.GetHostAddressesAsync(origin.Host, cancellationToken).ConfigureAwait(false);
        if (!origin.IsAddress && !_options.AllowNonPublicAddressesByName)
        {
            addresses = [.. addresses.Where(NetworkAddresses.IsPublic)];
            if (addresses.Length == 0)
            {
                throw new OutboundConnectionRefusedException(
                    $"{origin.Host} resolves to no public address; the host reaches a private or loopback address only when the allow-list names it");
            }
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
