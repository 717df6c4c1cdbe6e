using System.Diagnostics.Metrics;
using System.Reflection;
using System.Text.RegularExpressions;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// One failure class, one problem type, one metric label: every type the code can write is in
/// docs/api.md with one status, every failed outcome of tenant code has the problem type of its
/// own name (the <c>outcome</c> label of <c>exthost.invocations</c>), and every problem response
/// is counted in <c>exthost.problems</c> under its type.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class ProblemCatalogTests(ApiFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static IReadOnlyList<string> CodeTypes() =>
        [.. typeof(ProblemTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => ProblemTypes.Label((string)field.GetRawConstantValue()!))];

    /// <summary>The problem types docs/api.md's tables list, with their status.</summary>
    private static Dictionary<string, int> DocumentedTypes()
    {
        var api = File.ReadAllText(Path.Combine(Guests.Root, "..", "..", "docs", "api.md"));
        var documented = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (Match row in TypeRow().Matches(api))
        {
            foreach (Match type in Regex.Matches(row.Groups["types"].Value, "`([a-z-]+)`"))
            {
                Assert.True(documented.TryAdd(type.Groups[1].Value, int.Parse(row.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture)),
                    $"docs/api.md lists {type.Groups[1].Value} twice");
            }
        }

        return documented;
    }

    [Fact]
    public void EveryProblemType_IsDocumentedOnceWithItsStatus_AndNothingElseIs()
    {
        var documented = DocumentedTypes();

        Assert.Equal(CodeTypes().Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryFailedOutcome_HasTheProblemTypeOfItsMetricLabel_WithTheDocumentedStatus()
    {
        var documented = DocumentedTypes();
        var call = new ExtensionCallResult { Status = ExtensionCallStatus.Failed, Error = "x" };

        foreach (var outcome in Enum.GetValues<InvocationOutcome>().Where(o => o != InvocationOutcome.Ok))
        {
            var problem = InvocationProblems.ForOutcome(outcome, call).ProblemDetails;

            Assert.Equal(outcome.ToWireName(), ProblemTypes.Label(problem.Type));
            Assert.Equal(documented[outcome.ToWireName()], problem.Status);
        }
    }

    [Fact]
    public async Task ProblemResponses_AreCountedUnderTheirTypeInExthostProblems()
    {
        var counted = new System.Collections.Concurrent.ConcurrentQueue<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument is { Name: ProblemMetrics.CounterName, Meter.Name: ProblemMetrics.MeterName })
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
            counted.Enqueue(tags.ToArray().Single(t => t.Key == "type").Value as string ?? "null"));
        listener.Start();
        var (tenant, client) = await fixture.Host.CreateTenantAsync("metric");
        using var _ = client;
        using var anonymous = fixture.Host.Client(null);

        using (var response = await anonymous.GetAsync("/api/v1/tenants", Cancellation))
        {
            await TestApi.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
        }

        using (var response = await client.GetAsync("/api/v1/no-such-route", Cancellation))
        {
            await TestApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        }

        using (var response = await client.UploadAsync(tenant, "garbage", "not wasm at all"u8.ToArray()))
        {
            await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "component-not-wasm");
        }

        listener.RecordObservableInstruments();
        Assert.Equal(["unauthorized", "not-found", "component-not-wasm"], counted.Where(t => t is "unauthorized" or "not-found" or "component-not-wasm"));
    }

    [GeneratedRegex(@"^\| (?<types>`[a-z-]+`(?: / `[a-z-]+`)*) \| (?<status>\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex TypeRow();
}
