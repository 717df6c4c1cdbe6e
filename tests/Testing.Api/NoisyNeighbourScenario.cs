using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Testing.Api;

/// <summary>
/// Issue 12's noisy neighbour, on the real Host.Api on Kestrel (loopback) with the production
/// limits: a quiet tenant calls an extension point at a steady rate within its rate limit while
/// a noisy tenant floods the host at ten times its rate limit with endless loops (point-echo.wat's
/// <c>"loop"</c>, stopped at the point's 100 ms deadline) and memory bombs (point-bomb.wat: it fills
/// memory up to the 64 MiB limit and traps, and on a point limited to 1 MiB its instantiation is
/// refused, out-of-memory), and health probes ask <c>/health/live</c> and <c>/health/ready</c> throughout. Shared by the test
/// (Host.Api.Tests) and the <c>noisy</c> benchmark command, so both measure the same thing.
/// </summary>
/// <remarks>
/// The circuit breaker is set out of reach: it would suspend the noisy tenant's version after a
/// few timeouts in a row, and an attacker who mixes in a success every few calls keeps it closed
/// anyway — what is measured here is what the scheduler does while such code keeps running.
/// </remarks>
public sealed class NoisyNeighbourScenario : IAsyncDisposable
{
    /// <summary>The extension point both tenants bind their point-echo.wat to.</summary>
    public const string Point = "noisy.echo";

    /// <summary>The noisy tenant's memory bomb at the default memory limit (64 MiB).</summary>
    public const string BombPoint = "noisy.bomb";

    /// <summary>The noisy tenant's memory bomb on a point whose 1 MiB limit is below its initial memory.</summary>
    public const string SmallPoint = "noisy.small";

    /// <summary>The production rate limit (RateLimitOptions' defaults), which ApiHost otherwise raises out of reach.</summary>
    public const int PermitsPerSecond = 50;

    /// <summary>The production burst (RateLimitOptions' default).</summary>
    public const int Burst = 100;

    /// <summary>The noisy tenant's offered load: ten times its rate limit.</summary>
    public const int FloodPerSecond = 10 * PermitsPerSecond;

    /// <summary>
    /// The quiet tenant's load: half its rate limit. (At 40/s, on a machine starved by other work,
    /// the token bucket's refill timer ran late enough that a quiet tenant was rate-limited.)
    /// </summary>
    public const int QuietPerSecond = 25;

    private const int QuietWorkers = 2;
    private const int FloodConnections = 128;
    private static readonly TimeSpan s_liveInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan s_readyInterval = TimeSpan.FromMilliseconds(50);
    private static readonly string[] s_guestFailures = ["504 timeout", "507 out-of-memory", "502 trap"];
    private static readonly JsonObject s_quietInput = new() { ["orderId"] = 42, ["total"] = 1999, ["currency"] = "EUR" };

    private readonly ApiHost _host;
    private readonly HttpClient _quiet;
    private readonly HttpClient _noisy;
    private readonly HttpClient _probe;
    private readonly string _quietTenant;
    private readonly string _noisyTenant;

    private NoisyNeighbourScenario(ApiHost host, string quietTenant, string quietKey, string noisyTenant, string noisyKey)
    {
        _host = host;
        _quietTenant = quietTenant;
        _noisyTenant = noisyTenant;
        _quiet = Client(host.BaseAddress, quietKey, QuietWorkers);
        _noisy = Client(host.BaseAddress, noisyKey, FloodConnections);
        _probe = Client(host.BaseAddress, null, 2);
    }

    /// <summary>The host under test, e.g. to read its options or metrics.</summary>
    public ApiHost Host => _host;

    /// <summary>
    /// The host's settings: production except for the extension points (generic, fail-closed, 100 ms
    /// as the runtime's default timeout; one limited to 1 MiB), the production rate limit restored, and
    /// the circuit breaker out of reach; <paramref name="overrides"/> last (e.g. the option under study).
    /// </summary>
    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // WebApplicationFactory starts hosts in Development (scope validation, developer exception page).
            ["environment"] = "Production",
            [$"ExtensibilityHost:ExtensionPoints:{Point}:Kind"] = "Generic",
            [$"ExtensibilityHost:ExtensionPoints:{Point}:TimeoutMs"] = "100",
            [$"ExtensibilityHost:ExtensionPoints:{Point}:FailurePolicy"] = "FailClosed",
            [$"ExtensibilityHost:ExtensionPoints:{BombPoint}:Kind"] = "Generic",
            [$"ExtensibilityHost:ExtensionPoints:{BombPoint}:TimeoutMs"] = "100",
            [$"ExtensibilityHost:ExtensionPoints:{BombPoint}:FailurePolicy"] = "FailClosed",
            [$"ExtensibilityHost:ExtensionPoints:{SmallPoint}:Kind"] = "Generic",
            [$"ExtensibilityHost:ExtensionPoints:{SmallPoint}:TimeoutMs"] = "100",
            [$"ExtensibilityHost:ExtensionPoints:{SmallPoint}:MemoryMb"] = "1",
            [$"ExtensibilityHost:ExtensionPoints:{SmallPoint}:FailurePolicy"] = "FailClosed",
            ["ExtensibilityHost:RateLimit:PermitsPerSecond"] = PermitsPerSecond.ToString(CultureInfo.InvariantCulture),
            ["ExtensibilityHost:RateLimit:Burst"] = Burst.ToString(CultureInfo.InvariantCulture),
            ["ExtensibilityHost:Invocations:FailuresBeforeSuspension"] = "10000",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>
    /// Starts the host on Kestrel, creates the quiet and the noisy tenant through the API, deploys
    /// and binds their components, and warms every path up once.
    /// </summary>
    public static async Task<NoisyNeighbourScenario> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var host = new ApiHost(Settings(overrides), kestrel: true);
        try
        {
            await host.StartAsync();
            var (quiet, quietKey) = await host.CreateTenantKeyAsync("quiet");
            var (noisy, noisyKey) = await host.CreateTenantKeyAsync("noisy");
            var echo = WatText.ToBinary(Guests.Wat("point-echo"));
            await DeployAsync(host, quiet, quietKey, "echo", echo, Point);
            await DeployAsync(host, noisy, noisyKey, "echo", echo, Point);
            await DeployAsync(host, noisy, noisyKey, "bomb", WatText.ToBinary(Guests.Wat("point-bomb")), BombPoint, SmallPoint);

            var scenario = new NoisyNeighbourScenario(host, quiet, quietKey, noisy, noisyKey);
            await scenario.WarmUpAsync();
            return scenario;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// One round of <paramref name="duration"/>: the quiet tenant's calls and the health probes,
    /// with the noisy tenant's flood when <paramref name="attack"/> is set.
    /// </summary>
    public async Task<NoisyNeighbourRound> RunAsync(TimeSpan duration, bool attack, CancellationToken cancellationToken = default)
    {
        var quietLatencies = new ConcurrentBag<double>();
        var quietFailures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var live = new ConcurrentBag<double>();
        var ready = new ConcurrentBag<double>();
        var healthFailures = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var noisyAnswers = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var noisyServerErrors = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var noisySent = 0;

        using var stopWatching = new CancellationTokenSource();
        var watching = NoisyNeighbourMachine.WatchAsync(stopWatching.Token);
        var stopwatch = Stopwatch.StartNew();
        var workers = new List<Task>();
        for (var worker = 0; worker < QuietWorkers; worker++)
        {
            workers.Add(QuietAsync(stopwatch, duration, quietLatencies, quietFailures, cancellationToken));
        }

        workers.Add(ProbeAsync("/health/live", s_liveInterval, stopwatch, duration, live, healthFailures, cancellationToken));
        workers.Add(ProbeAsync("/health/ready", s_readyInterval, stopwatch, duration, ready, healthFailures, cancellationToken));
        if (attack)
        {
            workers.Add(Task.Run(async () => noisySent = await FloodAsync(stopwatch, duration, noisyAnswers, noisyServerErrors, cancellationToken), cancellationToken));
        }

        await Task.WhenAll(workers);
        await stopWatching.CancelAsync();
        var machine = await watching;
        return new NoisyNeighbourRound
        {
            Machine = machine,
            Attacked = attack,
            Elapsed = stopwatch.Elapsed,
            QuietLatenciesMs = [.. quietLatencies.Order()],
            QuietFailures = new Dictionary<string, int>(quietFailures, StringComparer.Ordinal),
            LiveLatenciesMs = [.. live.Order()],
            ReadyLatenciesMs = [.. ready.Order()],
            HealthFailures = new Dictionary<string, int>(healthFailures, StringComparer.Ordinal),
            NoisySent = noisySent,
            NoisyAnswers = new Dictionary<string, int>(noisyAnswers, StringComparer.Ordinal),
            NoisyServerErrors = new Dictionary<string, string>(noisyServerErrors, StringComparer.Ordinal),
        };
    }

    public async ValueTask DisposeAsync()
    {
        _quiet.Dispose();
        _noisy.Dispose();
        _probe.Dispose();
        await _host.DisposeAsync();
    }

    private static async Task DeployAsync(ApiHost host, string tenant, string key, string name, byte[] component, params string[] points)
    {
        using var client = host.Client(key);
        var version = await client.UploadVersionAsync(tenant, name, component);
        using (var admin = host.Admin())
        {
            await admin.DecideVersionAsync(version.Str("id"), "approve");
        }

        foreach (var point in points)
        {
            await RuntimeApiFixture.BindAsync(client, tenant, point, name);
        }
    }

    private static HttpClient Client(Uri baseAddress, string? apiKey, int connections)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        })
        {
            BaseAddress = baseAddress,
        };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        return client;
    }

    /// <summary>Each path once or a few times before anything is measured: JIT, connections, caches.</summary>
    private async Task WarmUpAsync()
    {
        for (var i = 0; i < 20; i++)
        {
            var (ok, answer, _) = await QuietCallAsync(CancellationToken.None);
            if (!ok)
            {
                throw new InvalidOperationException($"The quiet tenant's warm-up call failed: {answer}");
            }
        }

        foreach (var attack in NoisyCalls())
        {
            await NoisyCallAsync(attack, CancellationToken.None);
        }

        using (await _probe.GetAsync(new Uri("/health/live", UriKind.Relative)))
        using (await _probe.GetAsync(new Uri("/health/ready", UriKind.Relative)))
        {
        }
    }

    /// <summary>
    /// A quiet worker: calls at its share of <see cref="QuietPerSecond"/>, on a fixed schedule (a
    /// late call is sent at once, so slow answers are not hidden by sending fewer).
    /// </summary>
    private async Task QuietAsync(
        Stopwatch stopwatch, TimeSpan duration, ConcurrentBag<double> latencies, ConcurrentDictionary<string, int> failures, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromSeconds((double)QuietWorkers / QuietPerSecond);
        var next = TimeSpan.FromTicks(Random.Shared.NextInt64(interval.Ticks));
        while (stopwatch.Elapsed < duration)
        {
            if (next > stopwatch.Elapsed)
            {
                await Task.Delay(next - stopwatch.Elapsed, cancellationToken);
            }

            next += interval;
            var started = Stopwatch.GetTimestamp();
            var (ok, answer, _) = await QuietCallAsync(cancellationToken);
            if (ok)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                failures.AddOrUpdate(answer, 1, static (_, count) => count + 1);
            }
        }
    }

    /// <summary>One call of the quiet tenant's point; ok only when it answered 200 with its input as its output.</summary>
    private async Task<(bool Ok, string Answer, string Body)> QuietCallAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var content = Json(new JsonObject { ["input"] = s_quietInput.DeepClone() });
            using var response = await _quiet.PostAsync(new Uri($"/api/v1/tenants/{_quietTenant}/extension-points/{Point}/invoke", UriKind.Relative), content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return JsonNode.DeepEquals(JsonNode.Parse(body)?["output"], s_quietInput)
                    ? (true, "200 ok", body)
                    : (false, "200 wrong output", body);
            }

            return (false, Answer(response.StatusCode, body), body);
        }
        catch (HttpRequestException exception)
        {
            return (false, exception.GetType().Name, exception.Message);
        }
    }

    private async Task ProbeAsync(
        string path, TimeSpan interval, Stopwatch stopwatch, TimeSpan duration, ConcurrentBag<double> latencies,
        ConcurrentDictionary<string, int> failures, CancellationToken cancellationToken)
    {
        var uri = new Uri(path, UriKind.Relative);
        var next = TimeSpan.Zero;
        while (stopwatch.Elapsed < duration)
        {
            if (next > stopwatch.Elapsed)
            {
                await Task.Delay(next - stopwatch.Elapsed, cancellationToken);
            }

            next += interval;
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await _probe.GetAsync(uri, cancellationToken);
                await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    failures.AddOrUpdate($"{path} {(int)response.StatusCode}", 1, static (_, count) => count + 1);
                }
            }
            catch (HttpRequestException exception)
            {
                failures.AddOrUpdate($"{path} {exception.GetType().Name}", 1, static (_, count) => count + 1);
            }
        }
    }

    /// <summary>
    /// The noisy tenant: <see cref="FloodPerSecond"/> requests per second on a fixed schedule (open
    /// loop: it does not wait for answers, up to <see cref="FloodConnections"/> in flight), cycling
    /// through endless loops and memory bombs. Returns how many it sent.
    /// </summary>
    private async Task<int> FloodAsync(
        Stopwatch stopwatch, TimeSpan duration, ConcurrentDictionary<string, int> answers, ConcurrentDictionary<string, string> serverErrors,
        CancellationToken cancellationToken)
    {
        var calls = NoisyCalls();
        var inFlight = new List<Task>();
        var sent = 0;
        while (stopwatch.Elapsed < duration)
        {
            var due = (int)(stopwatch.Elapsed.TotalSeconds * FloodPerSecond);
            for (; sent < due; sent++)
            {
                inFlight.RemoveAll(task => task.IsCompleted);
                if (inFlight.Count >= FloodConnections)
                {
                    answers.AddOrUpdate("not sent: connections busy", 1, static (_, count) => count + 1);
                    continue;
                }

                var call = calls[sent % calls.Length];
                inFlight.Add(Task.Run(async () =>
                {
                    var (answer, body) = await NoisyCallAsync(call, cancellationToken);
                    answers.AddOrUpdate(answer, 1, static (_, count) => count + 1);
                    if (answer.StartsWith('5') && !s_guestFailures.Contains(answer))
                    {
                        serverErrors.TryAdd(answer, body);
                    }
                }, cancellationToken));
            }

            await Task.Delay(5, cancellationToken);
        }

        await Task.WhenAll(inFlight);
        return sent;
    }

    /// <summary>The noisy tenant's calls, in the order the flood cycles through them: two endless loops, two memory bombs.</summary>
    private (string Path, JsonObject Body)[] NoisyCalls() =>
    [
        ($"/api/v1/tenants/{_noisyTenant}/extension-points/{Point}/invoke", new JsonObject { ["input"] = "loop" }),
        ($"/api/v1/tenants/{_noisyTenant}/extension-points/{BombPoint}/invoke", new JsonObject { ["input"] = "bomb" }),
        ($"/api/v1/tenants/{_noisyTenant}/extension-points/{Point}/invoke", new JsonObject { ["input"] = "loop" }),
        ($"/api/v1/tenants/{_noisyTenant}/extension-points/{SmallPoint}/invoke", new JsonObject { ["input"] = "bomb" }),
    ];

    private async Task<(string Answer, string Body)> NoisyCallAsync((string Path, JsonObject Body) call, CancellationToken cancellationToken)
    {
        try
        {
            using var content = Json(call.Body);
            using var response = await _noisy.PostAsync(new Uri(call.Path, UriKind.Relative), content, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return (Answer(response.StatusCode, body), body);
        }
        catch (HttpRequestException exception)
        {
            return (exception.GetType().Name, exception.Message);
        }
    }

    /// <summary><c>200 ok</c>, or the status and the last segment of the problem type (<c>504 timeout</c>).</summary>
    private static string Answer(HttpStatusCode status, string body)
    {
        if (status == HttpStatusCode.OK)
        {
            return "200 ok";
        }

        string? type = null;
        try
        {
            type = JsonNode.Parse(body)?["type"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
        }

        return string.Create(CultureInfo.InvariantCulture, $"{(int)status} {type?[(type.LastIndexOf('/') + 1)..] ?? "(no problem type)"}");
    }

    private static StringContent Json(JsonNode body) =>
        new(body.ToJsonString(), System.Text.Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}
