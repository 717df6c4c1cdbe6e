using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ExtensibilityHost.Testing;

/// <summary>
/// A real HTTP/1.1 server on a loopback port, written on a raw <see cref="TcpListener"/> so a test
/// sees every connection it accepted (<see cref="Connections"/>) as well as every request it read
/// (<see cref="Requests"/>). One request per connection (<c>Connection: close</c>). Paths:
/// <list type="bullet">
/// <item><c>/echo</c>: 200, the request's body back, <c>x-echo-method</c> and <c>x-echo-header-count</c> headers.</item>
/// <item><c>/slow</c>: answers nothing until the server is disposed.</item>
/// <item><c>/slow-body</c>: headers at once (<c>Content-Length: 100</c>), then 3 bytes and nothing more.</item>
/// <item><c>/bytes?n=N[&amp;chunked=1]</c>: 200 with N bytes <c>x</c>, with a length or chunked.</item>
/// <item><c>/invalid-utf8</c>: 200 with the bytes <c>41 FF 42</c>.</item>
/// <item><c>/redirect?to=URL</c>: 302 to URL.</item>
/// <item>anything else: 404.</item>
/// </list>
/// Without <paramref name="http"/> it accepts connections and closes them at once, counting them:
/// the target a test proves was never reached.
/// </summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly bool _http;
    private int _connections;

    /// <param name="http">Serve HTTP; false: accept and close, only counting.</param>
    public LoopbackHttpServer(bool http = true)
    {
        _http = http;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary><c>http://127.0.0.1:port</c>.</summary>
    public string Origin => $"http://127.0.0.1:{Port}";

    /// <summary>How many connections it accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Every request it read, in order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            if (!_http)
            {
                return;
            }

            try
            {
                var stream = client.GetStream();
                var request = await ReadAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                await RespondAsync(stream, request, _stop.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
            {
            }
        }
    }

    private static async Task RespondAsync(NetworkStream stream, ReceivedRequest request, CancellationToken cancellationToken)
    {
        var path = request.Target.Split('?')[0];
        var query = request.Target.Contains('?', StringComparison.Ordinal) ? request.Target[(request.Target.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";
        switch (path)
        {
            case "/echo":
                await WriteAsync(stream, 200, request.Body,
                    $"x-echo-method: {request.Method}\r\nx-echo-header-count: {request.Headers.Count}\r\n", cancellationToken);
                break;
            case "/slow":
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case "/slow-body":
                await stream.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\nabc"u8.ToArray(), cancellationToken);
                await Task.Delay(Timeout.Infinite, cancellationToken);
                break;
            case "/bytes":
                var n = int.Parse(Parameter(query, "n") ?? "0", CultureInfo.InvariantCulture);
                if (Parameter(query, "chunked") == "1")
                {
                    await stream.WriteAsync("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"u8.ToArray(), cancellationToken);
                    for (var left = n; left > 0; left -= 4096)
                    {
                        var size = Math.Min(left, 4096);
                        await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:x}\r\n{new string('x', size)}\r\n"), cancellationToken);
                    }

                    await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), cancellationToken);
                }
                else
                {
                    await WriteAsync(stream, 200, Enumerable.Repeat((byte)'x', n).ToArray(), "", cancellationToken);
                }

                break;
            case "/invalid-utf8":
                await WriteAsync(stream, 200, [0x41, 0xff, 0x42], "", cancellationToken);
                break;
            case "/redirect":
                await WriteAsync(stream, 302, [], $"Location: {Uri.UnescapeDataString(Parameter(query, "to") ?? "/")}\r\n", cancellationToken);
                break;
            default:
                await WriteAsync(stream, 404, "not found"u8.ToArray(), "", cancellationToken);
                break;
        }
    }

    private static string? Parameter(string query, string name) =>
        query.Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => p.Length > 1 ? p[1] : "").FirstOrDefault();

    private static async Task WriteAsync(NetworkStream stream, int status, byte[] body, string headers, CancellationToken cancellationToken)
    {
        var head = $"HTTP/1.1 {status} {(status == 200 ? "OK" : "Other")}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n{headers}\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
    }

    private static async Task<ReceivedRequest?> ReadAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int end;
        while ((end = HeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var lines = Encoding.ASCII.GetString([.. buffer.Take(end)]).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Where(l => l.Length > 0)
            .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
            .ToList();
        var length = int.Parse(headers.FirstOrDefault(h => h.Key.Equals("content-length", StringComparison.OrdinalIgnoreCase)).Value ?? "0", CultureInfo.InvariantCulture);
        var body = buffer.Skip(end + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                break;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        return new ReceivedRequest(requestLine[0], requestLine[1], headers, [.. body]);
    }

    private static int HeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
