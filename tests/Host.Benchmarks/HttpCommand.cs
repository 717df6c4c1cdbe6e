using System.Text.Json.Nodes;
using ExtensibilityHost.Testing.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// HTTP invoke against native C#, in one process: the real Host.Api on Kestrel (loopback), a tenant
/// whose <c>point-echo.wat</c> is uploaded, approved and bound to a generic extension point, and
/// <see cref="NativePointEcho"/> doing the guest's work behind the same authentication and rate
/// limiting. <see cref="LoadGenerator"/> drives each with the same body and concurrency: a warm-up,
/// then interleaved rounds of a fixed duration. Every response is checked: requests/s and latencies
/// count 200s, and any other response is reported in a figure of its own (target 0).
/// </summary>
internal static class HttpCommand
{
    private const int Concurrency = 16;
    private const string Point = "bench.echo";
    private const double TargetRatio = 0.5;

    private static readonly byte[] s_body = """{"input":{"orderId":42,"total":1999,"currency":"EUR","lines":[{"sku":"A-1","qty":2}]}}"""u8.ToArray();

    /// <summary>
    /// Production settings except where the load would otherwise be refused: the per-tenant rate
    /// limit (still in the pipeline, never reached) and the tenant's concurrency limit, raised to the
    /// load's concurrency (at the default 4, a fifth concurrent call is a 429 by design).
    /// </summary>
    private static Dictionary<string, string?> Settings() => new()
    {
        // WebApplicationFactory starts hosts in Development (scope validation, developer exception page).
        ["environment"] = "Production",
        [$"ExtensibilityHost:ExtensionPoints:{Point}:Kind"] = "Generic",
        [$"ExtensibilityHost:ExtensionPoints:{Point}:FailurePolicy"] = "FailClosed",
        ["ExtensibilityHost:RateLimit:PermitsPerSecond"] = "1000000",
        ["ExtensibilityHost:RateLimit:Burst"] = "1000000",
        ["ExtensibilityHost:Invocations:MaxConcurrencyPerTenant"] = FigureText.Invariant($"{Concurrency}"),
        // Start-up lines only; ApiHost already keeps everything else at Warning.
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
    };

    public static int Run(double roundSeconds)
    {
        MeasureAsync(TimeSpan.FromSeconds(roundSeconds), rounds: 4, output: Console.Out).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>Warms up for one round's length each, then runs <paramref name="rounds"/> interleaved rounds of each endpoint.</summary>
    public static async Task<IReadOnlyList<Figure>> MeasureAsync(TimeSpan round, int rounds, TextWriter output)
    {
        // WebApplicationFactory finds the content root from MvcTestingAppManifest.json in the working
        // directory (the output folder under dotnet test); from anywhere else, from this setting.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EXTENSIBILITYHOST_API", RepositoryPaths.HostApi);
        await using var host = new ApiHost(Settings(), services => services.AddSingleton<IStartupFilter, NativePointEcho>(), kestrel: true);
        await host.StartAsync();
        var (tenant, key) = await host.CreateTenantKeyAsync("bench");
        using (var setup = host.Client(key))
        {
            var version = await setup.UploadVersionAsync(tenant, "echo", WatText.ToBinary(Guests.Wat("point-echo")), System.Net.HttpStatusCode.Created);
            using var admin = host.Admin();
            await admin.DecideVersionAsync(version.Str("id"), "approve");
            await RuntimeApiFixture.BindAsync(setup, tenant, Point, "echo");
        }

        using var client = LoadGenerator.Client(host.BaseAddress, key, Concurrency);
        Endpoint[] endpoints =
        [
            new("invoke", $"/api/v1/tenants/{tenant}/extension-points/{Point}/invoke"),
            new("native", NativePointEcho.Route.Replace("{tenant}", tenant, StringComparison.Ordinal).Replace("{point}", Point, StringComparison.Ordinal)),
        ];
        foreach (var endpoint in endpoints)
        {
            await RequireEchoAsync(client, endpoint.Path);
        }

        var load = new LoadGenerator(client, Concurrency);
        foreach (var endpoint in endpoints)
        {
            await load.RunAsync(endpoint.Path, s_body, round);
        }

        var measured = endpoints.Select(_ => new List<LoadRound>()).ToArray();
        for (var r = 0; r < rounds; r++)
        {
            for (var e = 0; e < endpoints.Length; e++)
            {
                measured[e].Add(await load.RunAsync(endpoints[e].Path, s_body, round));
            }
        }

        var results = measured.Select(Summary.Of).ToArray();
        var (invoke, native) = (results[0], results[1]);
        var how = FigureText.Invariant($"{Concurrency} concurrent requests, {rounds} interleaved rounds of {round.TotalSeconds:F0} s, Kestrel loopback");
        for (var e = 0; e < endpoints.Length; e++)
        {
            var failed = results[e].Failures == 0
                ? "all 200"
                : FigureText.Invariant($"{results[e].Failures:N0} not 200: {results[e].FailureStatuses}; first: {results[e].FirstFailure}");
            output.WriteLine(FigureText.Invariant(
                $"HTTP {endpoints[e].Name,-6} {results[e].RequestsPerSecond,8:N0} req/s  p50 {results[e].P50 / 1000,7:F2} ms  p99 {results[e].P99 / 1000,7:F2} ms  ({results[e].Requests:N0} requests 200, {failed})"));
        }

        var ratio = invoke.RequestsPerSecond / native.RequestsPerSecond;
        var notOk = invoke.Failures + native.Failures;
        return
        [
            new Figure("HTTP invoke of point-echo.wat (extension point) vs native C#", FigureText.Invariant($"≥ {TargetRatio:F1}× native"),
                invoke.RequestsPerSecond, "req/s", ratio, "native", ratio >= TargetRatio, how),
            Figure.Plain("HTTP native C# endpoint, same work, auth and rate limit", native.RequestsPerSecond, "req/s", how),
            Figure.Versus("HTTP invoke p50", invoke.P50 / 1000, "ms", native.P50 / 1000, "native", how),
            Figure.Plain("HTTP native p50", native.P50 / 1000, "ms", how),
            Figure.Versus("HTTP invoke p99", invoke.P99 / 1000, "ms", native.P99 / 1000, "native", how),
            Figure.Plain("HTTP native p99", native.P99 / 1000, "ms", how),
            new Figure("HTTP responses other than 200 (both endpoints)", "0", notOk, "responses", Met: notOk == 0,
                Note: notOk == 0 ? "every response checked" : FigureText.Invariant($"invoke {invoke.FailureStatuses}; native {native.FailureStatuses}; req/s and latencies count 200s only")),
        ];
    }

    /// <summary>Fails unless the endpoint answers the request's input as its output: both do the same work.</summary>
    private static async Task RequireEchoAsync(HttpClient client, string path)
    {
        using var content = new ByteArrayContent(s_body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        var input = JsonNode.Parse(s_body)!["input"];
        if (!response.IsSuccessStatusCode || !JsonNode.DeepEquals(JsonNode.Parse(text)?["output"], input))
        {
            throw new InvalidOperationException($"POST {path} did not echo the input: {(int)response.StatusCode} {text}");
        }
    }

    private sealed record Endpoint(string Name, string Path);

    /// <summary>An endpoint's rounds together: 200 responses per second, their latency percentiles, and the other responses.</summary>
    private sealed record Summary(double RequestsPerSecond, double P50, double P99, int Requests, int Failures, string FailureStatuses, string? FirstFailure)
    {
        public static Summary Of(List<LoadRound> rounds)
        {
            var latencies = rounds.SelectMany(r => r.Latencies).Order().ToArray();
            var failures = rounds.SelectMany(r => r.Failures).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.Sum(f => f.Value));
            return new Summary(
                latencies.Length / rounds.Sum(r => r.Elapsed.TotalSeconds),
                Percentiles.OfSorted(latencies, 50),
                Percentiles.OfSorted(latencies, 99),
                latencies.Length,
                failures.Values.Sum(),
                failures.Count == 0 ? "none" : string.Join(", ", failures.OrderBy(f => f.Key).Select(f => FigureText.Invariant($"{f.Value}× {f.Key}"))),
                rounds.Select(r => r.FirstFailure).FirstOrDefault(f => f is not null));
        }
    }
}
