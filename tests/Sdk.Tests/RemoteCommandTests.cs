using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// The verbs that talk to the host (<c>login</c>, <c>publish</c>, <c>status</c>, <c>logs</c>,
/// <c>replay</c>) on the host on Kestrel: where host and key come from, and what each says when
/// something is wrong.
/// </summary>
[Collection(ExtRemoteCollection.Name)]
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RemoteCommandTests(HostFixture fixture) : IDisposable
{
    private readonly RemoteSession _session = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private string Host => fixture.Address.ToString();

    public void Dispose() => _session.Dispose();

    private static string ClosedPortAddress()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>A tenant signed in with ext login, with <paramref name="component"/> published by ext publish and approved.</summary>
    private async Task<(string Tenant, string Key)> PublishedAsync(string component, string wat)
    {
        var (tenant, key) = await fixture.Host.CreateTenantKeyAsync("cli");
        Assert.Equal(ExitCodes.Ok, (await Ext.RunAsync("login", "--host", Host, "--key", key)).ExitCode);
        var (published, version) = await Ext.RunJsonAsync("publish", Guests.WatPath(wat), "--component", component, "--json");
        Assert.Equal(ExitCodes.Ok, published);
        using var admin = fixture.Host.Admin();
        await admin.DecideVersionAsync(version.GetProperty("id").GetString()!, "approve");
        return (tenant, key);
    }

    private async Task<Guid> InvokeEchoAsync(string tenant, string key, string input)
    {
        using var client = fixture.Host.Client(key);
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/extension-points/echo.closed/invoke", new JsonObject { ["input"] = JsonNode.Parse(input) }, Cancellation);
        return (await TestApi.JsonAsync(response, HttpStatusCode.OK))["invocationId"]!.GetValue<Guid>();
    }

    private async Task BindEchoAsync(string tenant, string key)
    {
        using var client = fixture.Host.Client(key);
        using var response = await client.PutAsJsonAsync($"/api/v1/tenants/{tenant}/extension-points/echo.closed/binding", new { component = "echo" }, Cancellation);
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Login_ValidKey_WritesAProfileOnlyItsOwnerCanRead_AndLogoutDeletesIt()
    {
        var (tenant, key) = await fixture.Host.CreateTenantKeyAsync("cli");

        var (exitCode, output, _) = await Ext.RunAsync("login", "--host", Host, "--key", key);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains($"of tenant '{tenant}'", output, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_session.ProfilePath));
        Assert.Equal(tenant, JsonNode.Parse(await File.ReadAllTextAsync(_session.ProfilePath, Cancellation))!["tenant"]!.GetValue<string>());
        Assert.Equal(ExitCodes.Ok, (await Ext.RunAsync("logout")).ExitCode);
        Assert.False(File.Exists(_session.ProfilePath));
    }

    [Fact]
    public async Task Login_KeyFromStandardInput_IsNotNeededOnTheCommandLine()
    {
        var (tenant, key) = await fixture.Host.CreateTenantKeyAsync("cli");
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await ExtCli.RunAsync(["login", "--host", Host, "--key-stdin", "--json"], new StringReader(key + "\n"), output, error, Cancellation);

        Assert.True(exitCode == ExitCodes.Ok, error.ToString());
        Assert.Equal(tenant, JsonNode.Parse(output.ToString())!["tenant"]!.GetValue<string>());
    }

    [Fact]
    public async Task Login_KeyTheHostDoesNotKnow_Exits21AndSavesNothing()
    {
        var (exitCode, _, error) = await Ext.RunAsync("login", "--host", Host, "--key", "exthost_wrong");

        Assert.Equal(ExitCodes.NotSignedIn, exitCode);
        Assert.Contains("the host refused the key (401 unauthorized", error, StringComparison.Ordinal);
        Assert.False(File.Exists(_session.ProfilePath));
    }

    [Fact]
    public async Task Login_HostThatIsNotListening_Exits22()
    {
        var (exitCode, _, error) = await Ext.RunAsync("login", "--host", ClosedPortAddress(), "--key", "exthost_any");

        Assert.Equal(ExitCodes.Unreachable, exitCode);
        Assert.Contains("cannot reach the host", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithNoHostAnywhere_Exits21SayingHowToSignIn()
    {
        var (exitCode, _, error) = await Ext.RunAsync("publish", Guests.WatPath("event-handler"), "--component", "hooks");

        Assert.Equal(ExitCodes.NotSignedIn, exitCode);
        Assert.Contains("ext login --host <url> --key <key>", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_HostAndKeyFromTheEnvironment_NeedNoProfile()
    {
        var (tenant, key) = await fixture.Host.CreateTenantKeyAsync("cli");
        Environment.SetEnvironmentVariable("EXTHOST_URL", Host);
        Environment.SetEnvironmentVariable("EXTHOST_KEY", key);

        var (exitCode, version) = await Ext.RunJsonAsync("publish", Guests.WatPath("event-handler"), "--component", "hooks", "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal((tenant, "hooks", "pending"), (version.GetProperty("tenant").GetString(), version.GetProperty("component").GetString(), version.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task ProfileKey_IsNeverSentToAnotherHost()
    {
        var (_, key) = await fixture.Host.CreateTenantKeyAsync("cli");
        await Ext.RunAsync("login", "--host", Host, "--key", key);

        var (exitCode, _, error) = await Ext.RunAsync("status", "--host", ClosedPortAddress());

        Assert.Equal(ExitCodes.NotSignedIn, exitCode);
        Assert.Contains("no API key for http://127.0.0.1:", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_WithAnAdminKey_NeedsATenant()
    {
        var (tenant, _) = await fixture.Host.CreateTenantKeyAsync("cli");
        await Ext.RunAsync("login", "--host", Host, "--key", fixture.Host.AdminKey);

        var (withoutTenant, _, error) = await Ext.RunAsync("publish", Guests.WatPath("event-handler"), "--component", "hooks");
        var (withTenant, version) = await Ext.RunJsonAsync("publish", Guests.WatPath("event-handler"), "--component", "hooks", "--tenant", tenant, "--json");

        Assert.Equal(ExitCodes.NotSignedIn, withoutTenant);
        Assert.Contains("is an admin key, which acts on any tenant: pass --tenant", error, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Ok, tenant), (withTenant, version.GetProperty("tenant").GetString()));
    }

    [Fact]
    public async Task Publish_AComponentTheHostRefuses_Exits20ListingTheProblems()
    {
        var (_, key) = await fixture.Host.CreateTenantKeyAsync("cli");

        var (exitCode, _, error) = await Ext.RunAsync("publish", Guests.WatPath("add"), "--component", "adder", "--host", Host, "--key", key);
        var (jsonExit, jsonOutput, jsonError) = await Ext.RunAsync("publish", Guests.WatPath("add"), "--component", "adder", "--host", Host, "--key", key, "--json");

        Assert.Equal((ExitCodes.HostRefused, ExitCodes.HostRefused), (exitCode, jsonExit));
        Assert.Contains("the host refused the component (400 component-world-mismatch", error, StringComparison.Ordinal);
        Assert.Contains("  - no-world:", error, StringComparison.Ordinal);
        Assert.Empty(jsonOutput);
        var problem = JsonNode.Parse(jsonError)!["error"]!;
        Assert.Equal(ExitCodes.HostRefused, problem["exitCode"]!.GetValue<int>());
        Assert.EndsWith("/component-world-mismatch", problem["problem"]!["type"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_SameBytesAgain_SaysItIsTheExistingVersion()
    {
        await PublishedAsync("hooks", "event-handler");

        var (exitCode, output, _) = await Ext.RunAsync("publish", Guests.WatPath("event-handler"), "--component", "hooks");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("These bytes are already hooks v1", output, StringComparison.Ordinal);
        Assert.Contains(": active.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Text_ListsEachVersionWithItsStateAndReason()
    {
        var (tenant, _) = await PublishedAsync("hooks", "event-handler");
        var (_, second) = await Ext.RunJsonAsync("publish", Guests.WatPath("veto-echo-event-handler"), "--component", "hooks", "--json");
        using (var admin = fixture.Host.Admin())
        {
            await admin.DecideVersionAsync(second.GetProperty("id").GetString()!, "reject", "vetoes everything");
        }

        var (exitCode, output, _) = await Ext.RunAsync("status");

        Assert.Equal(ExitCodes.Ok, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([$"Tenant '{tenant}'", "hooks  (v1 active)"], lines[..2]);
        Assert.Matches(@"^  v2\s+rejected\s+.*""vetoes everything""$", lines[2]);
        Assert.Matches(@"^  v1\s+active\s+", lines[3]);
    }

    [Fact]
    public async Task Status_ComponentThatDoesNotExist_Exits20SayingHowToPublishIt()
    {
        await PublishedAsync("hooks", "event-handler");

        var (exitCode, _, error) = await Ext.RunAsync("status", "--component", "nope");

        Assert.Equal(ExitCodes.HostRefused, exitCode);
        Assert.Contains("has no component 'nope' yet", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logs_Text_ShowsEachInvocationWithItsGuestLog()
    {
        var (tenant, key) = await PublishedAsync("echo", "point-echo");
        await BindEchoAsync(tenant, key);
        var invocationId = await InvokeEchoAsync(tenant, key, """{"n":1}""");

        var (exitCode, output, _) = await Ext.RunAsync("logs");

        Assert.Equal(ExitCodes.Ok, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Matches($@"^\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{{3}}Z  echo v1  point:echo\.closed  ok in [\d.]+ ms  {invocationId}$", lines[0]);
        Assert.Equal("    log    info  point-echo: echo.closed", lines[1]);
    }

    [Fact]
    public async Task Logs_Follow_ShowsInvocationsAsTheyHappenUntilStopped()
    {
        var (tenant, key) = await PublishedAsync("echo", "point-echo");
        await BindEchoAsync(tenant, key);
        var output = new StringWriter();
        var synchronized = TextWriter.Synchronized(output);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        var follow = ExtCli.RunAsync(["logs", "--follow", "--interval-ms", "100", "--json"], TextReader.Null, synchronized, TextWriter.Null, stop.Token);
        var invocationId = await InvokeEchoAsync(tenant, key, """{"n":2}""");
        string Seen()
        {
            lock (synchronized)
            {
                return output.ToString();
            }
        }

        for (var i = 0; i < 300 && !Seen().Contains(invocationId.ToString(), StringComparison.Ordinal); i++)
        {
            await Task.Delay(50, Cancellation);
        }

        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Ok, await follow);
        var invocation = JsonDocument.Parse(Seen().Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
        Assert.Equal(invocationId, invocation.GetProperty("id").GetGuid());
    }

    /// <summary>
    /// veto-echo-event-handler.wat published as <c>gate</c>, subscribed sync to <c>order.placed</c>,
    /// and one such event published: its invocation as <c>ext logs --json</c> shows it.
    /// </summary>
    private async Task<JsonElement> VetoedOrderAsync()
    {
        var (tenant, key) = await PublishedAsync("gate", "veto-echo-event-handler");
        using (var client = fixture.Host.Client(key))
        {
            using var subscribe = await client.PutAsJsonAsync($"/api/v1/tenants/{tenant}/subscriptions/order.placed", new { component = "gate", mode = "sync" }, Cancellation);
            subscribe.EnsureSuccessStatusCode();
            using var publish = await client.PostAsJsonAsync($"/api/v1/tenants/{tenant}/events", new { eventType = "order.placed", payload = new { orderId = 1 } }, Cancellation);
            publish.EnsureSuccessStatusCode();
        }

        var (_, lines, _) = await Ext.RunAsync("logs", "--json");
        return JsonDocument.Parse(lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Single()).RootElement;
    }

    [Fact]
    public async Task Replay_Text_ShowsBothRunsSideBySide()
    {
        var (tenant, key) = await PublishedAsync("echo", "point-echo");
        await BindEchoAsync(tenant, key);
        var invocationId = await InvokeEchoAsync(tenant, key, """{"n":3}""");

        var (exitCode, output, error) = await Ext.RunAsync("replay", invocationId.ToString(), Guests.WatPath("point-echo"), "--kv", Path.Combine(_session.Directory, "kv.json"));

        Assert.True(exitCode == ExitCodes.Ok, error);
        var lines = output.Split('\n');
        Assert.StartsWith($"Invocation {invocationId}: echo v1, point:echo.closed, ", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^\s+recorded \(echo v1\)\s+│ local \(point-echo\.wat\)$", lines[1]);
        Assert.Matches(@"^outcome\s+ ok\s+│ ok$", lines[2]);
        Assert.Matches(@"^output\s+ \{\s+│ \{$", lines[4]);
        Assert.Matches(@"^\s+ \s+""ok"": ""\{\\""n\\"":3\}""\s+│   ""ok"": ""\{\\""n\\"":3\}""$", lines[5]);
        // Nothing but the duration may differ (whether it does depends on the clock: equal durations print alike).
        Assert.All(lines.Where(l => l.Contains('≠', StringComparison.Ordinal)), l => Assert.Equal("duration", l.Split(' ')[0]));
        Assert.Contains("The local run reproduces the recorded outcome and output.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_AgainstADifferentComponent_Exits23MarkingTheDifference()
    {
        var invocationId = (await VetoedOrderAsync()).GetProperty("id").GetString()!;

        var (exitCode, replay) = await Ext.RunJsonAsync("replay", invocationId, Guests.WatPath("event-handler"), "--kv", Path.Combine(_session.Directory, "kv.json"), "--json");
        var (_, text, _) = await Ext.RunAsync("replay", invocationId, Guests.WatPath("event-handler"), "--kv", Path.Combine(_session.Directory, "kv.json"));

        Assert.Equal(ExitCodes.ReplayDiffers, exitCode);
        Assert.False(replay.GetProperty("same").GetBoolean());
        Assert.Equal("veto", replay.GetProperty("recorded").GetProperty("output").GetProperty("ok").GetProperty("tag").GetString());
        Assert.Equal("proceed", replay.GetProperty("local").GetProperty("output").GetProperty("ok").GetProperty("tag").GetString());
        Assert.Contains(text.Split('\n'), l => l.Contains('≠', StringComparison.Ordinal) && l.Contains("veto", StringComparison.Ordinal));
        Assert.Contains("The local run differs from the recorded one", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ALocal11BuildOfA10Handler_CallsIts11ExportWithTheMetadata()
    {
        var recorded = await VetoedOrderAsync();

        // metadata-event-handler-1.1.wat vetoes with the correlation id it is given: the event's id.
        var (exitCode, replay) = await Ext.RunJsonAsync(
            "replay", recorded.GetProperty("id").GetString()!, Guests.WatPath("metadata-event-handler-1.1"), "--kv", Path.Combine(_session.Directory, "kv.json"), "--json");

        Assert.Equal(ExitCodes.ReplayDiffers, exitCode);
        var local = replay.GetProperty("local");
        Assert.Equal("ok", local.GetProperty("outcome").GetString());
        Assert.Equal(recorded.GetProperty("eventId").GetString(), local.GetProperty("output").GetProperty("ok").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Replay_UnknownInvocation_Exits20NotFound()
    {
        await PublishedAsync("echo", "point-echo");

        var (exitCode, _, error) = await Ext.RunAsync("replay", Guid.NewGuid().ToString(), Guests.WatPath("point-echo"));

        Assert.Equal(ExitCodes.HostRefused, exitCode);
        Assert.Contains("the host refused: 404 not-found", error, StringComparison.Ordinal);
    }
}
