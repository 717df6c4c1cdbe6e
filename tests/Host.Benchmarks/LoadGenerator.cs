using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// A closed-loop HTTP load: a fixed number of workers, each sending its next request when the last
/// one's body has been read, over at most that many pooled connections. Responses other than 200
/// are counted by status (with the first one's body), not timed, and the load goes on.
/// </summary>
internal sealed class LoadGenerator(HttpClient client, int concurrency)
{
    /// <summary>Posts <paramref name="body"/> (JSON) to <paramref name="path"/> for <paramref name="duration"/>.</summary>
    public async Task<LoadRound> RunAsync(string path, byte[] body, TimeSpan duration)
    {
        var latencies = new List<double>[concurrency];
        var failures = new ConcurrentDictionary<int, int>();
        string? firstFailure = null;
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
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    samples.Add(elapsed);
                }
                else
                {
                    failures.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);
                    Interlocked.CompareExchange(ref firstFailure, $"{(int)response.StatusCode} {text}", null);
                }
            }
        }));
        return new LoadRound(stopwatch.Elapsed, [.. latencies.SelectMany(l => l)], new Dictionary<int, int>(failures), firstFailure);
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
