using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// A closed-loop HTTP load: a fixed number of workers, each sending its next request when the last
/// one's body has been read, over at most that many pooled connections. Every response must be 200.
/// </summary>
internal sealed class LoadGenerator(HttpClient client, int concurrency)
{
    /// <summary>Posts <paramref name="body"/> (JSON) to <paramref name="path"/> for <paramref name="duration"/>.</summary>
    /// <exception cref="InvalidOperationException">A response was not 200.</exception>
    public async Task<LoadRound> RunAsync(string path, byte[] body, TimeSpan duration)
    {
        var latencies = new List<double>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var samples = latencies[worker] = new List<double>(4096);
            while (stopwatch.Elapsed < duration)
            {
                using var content = new ByteArrayContent(body);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(path, content);
                var text = await response.Content.ReadAsStringAsync();
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMicroseconds);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {text}");
                }
            }
        }));
        return new LoadRound(stopwatch.Elapsed, [.. latencies.SelectMany(l => l)]);
    }

    /// <summary>Creates the client: <paramref name="concurrency"/> connections at most, kept open, the tenant's key on every request.</summary>
    public static HttpClient Client(Uri baseAddress, string apiKey, int concurrency)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            BaseAddress = baseAddress,
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }
}
