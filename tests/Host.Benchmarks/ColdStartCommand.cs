using System.Diagnostics;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations.Running;
using ExtensibilityHost.Core.Reviews;
using ExtensibilityHost.Core.Tenants;
using ExtensibilityHost.Core.Versions;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// Cold start as the host meets it: versions of <c>event-handler.wat</c> (each with a different tag,
/// so a different hash) uploaded and approved through the host's own <see cref="ComponentUploader"/>
/// and <see cref="ReviewService"/> on an embedded host, then the first call of each — the request
/// path's load stage (<see cref="CompiledVersionLoader"/>, the one place a call can compile) and a
/// fresh sandbox running <c>handle</c>. Measured on the node that compiled at upload (the compiled
/// component in its memory cache) and on a second node sharing the database and artifact directory
/// (the artifact loaded from disk). Compilations are counted by <see cref="CompiledComponentCache.Compilations"/>.
/// </summary>
internal static class ColdStartCommand
{
    private const string Tenant = "bench";
    private const string Component = "handler";
    private const int WarmUpVersions = 5;
    private const double TargetP50 = 150;
    private const double TargetP99 = 500;

    public static int Run(int versions)
    {
        MeasureAsync(versions, Console.Out).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>Measures <paramref name="versions"/> first calls on each node; prints a line per node.</summary>
    public static async Task<IReadOnlyList<Figure>> MeasureAsync(int versions, TextWriter output)
    {
        var artifacts = Directory.CreateTempSubdirectory("exthost-bench-cold-start-");
        try
        {
            var settings = new Dictionary<string, string?> { ["ExtensibilityHost:Events:RunDispatcher"] = "false" };
            await using var compilingNode = await EmbeddedHost.StartAsync(settings, artifactDirectory: artifacts.FullName);
            await compilingNode.WithScopeAsync(services =>
                services.GetRequiredService<TenantService>().CreateAsync(new CreateTenantRequest { Id = Tenant, Name = Tenant }, CancellationToken.None));

            // Each version is uploaded and approved, and its artifact written in the background by the
            // upload (not timed: approval is a reviewer's decision, long after the upload), then called
            // for the first time (timed). The first few versions of each node warm up the process.
            var handler = Guests.Component("event-handler.wat");
            var cache = compilingNode.Get<CompiledComponentCache>();
            var approved = new List<ActiveVersion>();
            var compiledHere = await FirstCallsAsync(compilingNode, versions, async i =>
            {
                approved.Add(await UploadAndApproveAsync(compilingNode, Guests.Tagged(handler, FigureText.Invariant($"cold-start-{i}"))));
                await WaitForArtifactAsync(cache.ArtifactPath(approved[^1].Sha256)!);
                return approved[^1];
            });
            output.WriteLine(Line("first call after approval, node that compiled at upload", compiledHere));

            await using var otherNode = await EmbeddedHost.StartAsync(settings, compilingNode.DataDirectory, artifactDirectory: artifacts.FullName);
            var loadedThere = await FirstCallsAsync(otherNode, versions, i => Task.FromResult(approved[i]));
            output.WriteLine(Line("artifact load + first call, node that did not compile", loadedThere));

            var note = FigureText.Invariant($"{versions} versions of event-handler.wat, uploaded and approved through the host; loader + fresh sandbox");
            return
            [
                Figure.AtMost("cold start p50: first call after approval (compiled at upload, in cache)", compiledHere.P50, "µs", TargetP50, note),
                Figure.AtMost("cold start p99: first call after approval (compiled at upload, in cache)", compiledHere.P99, "µs", TargetP99, note),
                Figure.AtMost("cold start p50: artifact load from disk + first call (another node)", loadedThere.P50, "µs", TargetP50, note),
                Figure.AtMost("cold start p99: artifact load from disk + first call (another node)", loadedThere.P99, "µs", TargetP99, note),
                Figure.Plain("cold start: second call of the same version p50 (compiled at upload)", compiledHere.SecondP50, "µs", note),
                new Figure("compilations during the measured first calls (both nodes)", "0", compiledHere.Compilations + loadedThere.Compilations, "compilations",
                    Met: compiledHere.Compilations + loadedThere.Compilations == 0,
                    Note: "CompiledComponentCache.Compilations; the request path compiles only through it (CompiledVersionLoader)"),
            ];
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The first calls of <see cref="WarmUpVersions"/> + <paramref name="count"/> versions, the
    /// <paramref name="i"/>th from <paramref name="version"/>; the measured ones timed, with the compilations they caused.
    /// </summary>
    private static async Task<FirstCalls> FirstCallsAsync(EmbeddedHost node, int count, Func<int, Task<ActiveVersion>> version)
    {
        var cache = node.Get<CompiledComponentCache>();
        var samples = new List<double>(count);
        var seconds = new List<double>(count);
        long compilations = 0;
        for (var i = 0; i < WarmUpVersions + count; i++)
        {
            var next = await version(i);
            var before = cache.Compilations;
            var elapsed = await FirstCallAsync(node, next);
            var after = cache.Compilations;
            var second = await FirstCallAsync(node, next);
            if (i >= WarmUpVersions)
            {
                samples.Add(elapsed);
                seconds.Add(second);
                compilations += after - before;
            }
        }

        samples.Sort();
        return new FirstCalls(Percentiles.OfSorted(samples, 50), Percentiles.OfSorted(samples, 99), Percentiles.Of(seconds, 50), compilations, count);
    }

    private static async Task<ActiveVersion> UploadAndApproveAsync(EmbeddedHost node, byte[] component)
    {
        ActiveVersion? approved = null;
        await node.WithScopeAsync(async services =>
        {
            var upload = await services.GetRequiredService<ComponentUploader>().UploadAsync(Tenant, Component, component, CancellationToken.None);
            if (upload is not { Status: UploadStatus.Created, Version: { } version })
            {
                throw new InvalidOperationException($"upload: {upload.Status}");
            }

            var review = await services.GetRequiredService<ReviewService>().ApproveAsync(version.Id, "bench", CancellationToken.None);
            if (review.Outcome != ReviewOutcome.Applied)
            {
                throw new InvalidOperationException($"approval: {review.Outcome} {review.Message}");
            }

            approved = new ActiveVersion(version.Id, version.Number, version.Sha256);
        });
        return approved!;
    }

    /// <summary>The request path's load stage, then a fresh sandbox calling <c>handle</c>; microseconds.</summary>
    private static async Task<double> FirstCallAsync(EmbeddedHost node, ActiveVersion version)
    {
        var loader = node.Get<CompiledVersionLoader>();
        var sandbox = node.Get<ComponentSandbox>();
        var context = new InvocationContext { TenantId = Tenant, ComponentName = Component, Version = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var arguments = EventHandlerCall.Arguments(EventHandlerCall.Event(Guid.CreateVersion7().ToString(), "order.placed", Tenant, DateTimeOffset.UtcNow, """{"orderId":42}"""));

        var started = Stopwatch.GetTimestamp();
        var compiled = await loader.LoadAsync(Tenant, Component, version, CancellationToken.None);
        var result = sandbox.Invoke(compiled, EventHandlerCall.Target, arguments, context);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return result.Outcome == InvocationOutcome.Ok
            ? elapsed.TotalMicroseconds
            : throw new InvalidOperationException($"{result.Outcome}: {result.Error}");
    }

    /// <summary>Waits for the artifact the upload writes in the background (its checksum file comes last).</summary>
    private static async Task WaitForArtifactAsync(string path)
    {
        var waited = Stopwatch.StartNew();
        while (!File.Exists(path + ".sha256"))
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new TimeoutException($"The artifact {path} was not written.");
            }

            await Task.Delay(10);
        }
    }

    private static string Line(string what, FirstCalls calls) =>
        FigureText.Invariant($"cold start, {what}: p50 {calls.P50:F0} µs, p99 {calls.P99:F0} µs over {calls.Count} versions, {calls.Compilations} compilation(s); second call of a version p50 {calls.SecondP50:F0} µs");

    private sealed record FirstCalls(double P50, double P99, double SecondP50, long Compilations, int Count);
}
