using System.Text.Json;
using ExtensibilityHost.Sdk.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// The tenant developer's whole loop, for each language, from source: <c>ext init</c> →
/// <c>ext build</c> → <c>ext validate</c> → <c>ext test</c> → <c>ext login</c> → <c>ext publish</c>
/// to the host on loopback → approval through the admin API → an event published with the .NET
/// client → the extension's log line in <c>ext logs</c> → <c>ext replay</c> of that invocation
/// reproducing its output locally.
/// </summary>
[Collection(ExtRemoteCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ExtensionLoopTests(HostFixture fixture) : IDisposable
{
    private readonly RemoteSession _session = new();

    public static TheoryData<string> Languages() => [.. ProjectTemplate.Languages];

    public void Dispose() => _session.Dispose();

    private static List<(string? Source, string? Message)> Logs(JsonElement call) =>
        [.. call.GetProperty("logs").EnumerateArray().Select(l => (l.GetProperty("source").GetString(), l.GetProperty("message").GetString()))];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Loop_FromAnEmptyFolderToAnApprovedExtension_ReplaysProductionLocally(string language)
    {
        var name = $"{language}-hooks";

        // init → build (its upload check included) → validate
        var project = await Projects.InitAndBuildAsync(_session.Directory, language, "event-extension", name);
        var (validated, validation) = await Ext.RunJsonAsync("validate", project, "--json");
        Assert.Equal(ExitCodes.Ok, validated);
        Assert.True(validation.GetProperty("accepted").GetBoolean());
        Assert.Equal(["saas:extensibility/event-extension@1.0.0"], validation.GetProperty("worlds").EnumerateArray().Select(w => w.GetString()));

        // test: the handler's decision, logs and key-value state, twice (the state carries over)
        const string Order = """{"eventType":"order.placed","eventId":"e-1","payload":{"orderId":1}}""";
        var (tested, first) = await Ext.RunJsonAsync("test", project, "--event", Order, "--timeout-ms", "5000", "--json");
        var (_, second) = await Ext.RunJsonAsync("test", project, "--event", Order, "--timeout-ms", "5000", "--json");
        var (_, blocked) = await Ext.RunJsonAsync("test", project, "--event", """{"eventType":"order.placed","payload":{"blocked":true}}""", "--timeout-ms", "5000", "--json");
        Assert.Equal(ExitCodes.Ok, tested);
        Assert.Equal("proceed", first.GetProperty("decision").GetProperty("type").GetString());
        Assert.Equal([("stdout", $"{name} received order.placed e-1"), ("log", $"{name} has seen 1 event(s)")], Logs(first));
        Assert.Equal(("log", $"{name} has seen 2 event(s)"), Logs(second)[1]);
        Assert.True(first.GetProperty("fuelConsumed").GetInt64() > 0);
        Assert.Equal(("veto", $"blocked by {name}"),
            (blocked.GetProperty("decision").GetProperty("type").GetString(), blocked.GetProperty("decision").GetProperty("reason").GetString()));

        // login once; publish, status, logs and replay find host, key and tenant in the profile
        var (tenant, key) = await fixture.Host.CreateTenantKeyAsync("loop");
        var (loggedIn, login) = await Ext.RunJsonAsync("login", "--host", fixture.Address.ToString(), "--key", key, "--json");
        Assert.Equal((ExitCodes.Ok, tenant), (loggedIn, login.GetProperty("tenant").GetString()));

        var (published, version) = await Ext.RunJsonAsync("publish", project, "--json");
        Assert.Equal(ExitCodes.Ok, published);
        Assert.Equal((name, 1, "pending", true),
            (version.GetProperty("component").GetString(), version.GetProperty("version").GetInt32(), version.GetProperty("status").GetString(), version.GetProperty("created").GetBoolean()));

        using (var admin = fixture.Host.Admin())
        {
            await admin.DecideVersionAsync(version.GetProperty("id").GetString()!, "approve", "reviewed in the loop test");
        }

        var (_, status) = await Ext.RunJsonAsync("status", "--component", name, "--json");
        var listed = Assert.Single(status.GetProperty("components").EnumerateArray());
        Assert.Equal(1, listed.GetProperty("activeVersion").GetInt32());
        Assert.Equal("active", Assert.Single(listed.GetProperty("versions").EnumerateArray()).GetProperty("status").GetString());

        // the application publishes an event through the .NET client
        await using var services = fixture.ClientServices(key);
        var client = services.GetRequiredService<ExtensibilityHostClient>();
        await client.Subscriptions.SubscribeAsync(tenant, "order.placed", name, SubscriptionMode.Sync, cancellationToken: TestContext.Current.CancellationToken);
        var result = await client.Events.PublishAsync(tenant, "order.placed", new { orderId = 7 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("proceeded", result.Status);
        var invocationId = Assert.Single(result.Decisions).InvocationId!.Value;

        // its log line in ext logs
        var (logged, lines, logError) = await Ext.RunAsync("logs", "--component", name, "--json");
        Assert.True(logged == ExitCodes.Ok, logError);
        var invocation = lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(i => i.GetProperty("id").GetGuid() == invocationId);
        Assert.Contains(invocation.GetProperty("logs").EnumerateArray(),
            l => l.GetProperty("source").GetString() == "stdout" && l.GetProperty("message").GetString() == $"{name} received order.placed {result.EventId}");

        // ext replay runs that invocation's recorded input locally: the same output
        var (replayed, replay) = await Ext.RunJsonAsync("replay", invocationId.ToString(), project, "--timeout-ms", "5000", "--json");
        Assert.Equal(ExitCodes.Ok, replayed);
        Assert.True(replay.GetProperty("same").GetBoolean());
        Assert.Equal(replay.GetProperty("recorded").GetProperty("output").GetRawText(), replay.GetProperty("local").GetProperty("output").GetRawText());
        Assert.Equal(("stdout", $"{name} received order.placed {result.EventId}"), Logs(replay.GetProperty("local"))[0]);
    }
}
