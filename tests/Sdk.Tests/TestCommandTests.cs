using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// <c>ext test</c>: an event or an extension-point call made the way the host makes it, with the
/// host's limits and a key-value file that keeps state between runs.
/// </summary>
public sealed class TestCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-test-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string KeyValueFile => Path.Combine(_directory, "kv.json");

    [Fact]
    public async Task Event_VetoingHandler_ShowsTheDecisionWithItsReason()
    {
        var (exitCode, result) = await Ext.RunJsonAsync(
            "test", Guests.WatPath("veto-echo-event-handler"), "--event", """{"eventType":"order.placed","payload":{"orderId":3}}""", "--kv", KeyValueFile, "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(("event", "ok"), (result.GetProperty("kind").GetString(), result.GetProperty("outcome").GetString()));
        Assert.Equal(("veto", """{"orderId":3}"""),
            (result.GetProperty("decision").GetProperty("type").GetString(), result.GetProperty("decision").GetProperty("reason").GetString()));
        Assert.True(result.GetProperty("fuelConsumed").GetInt64() > 0);
    }

    [Fact]
    public async Task Event_Text_ShowsOutcomeDecisionLogsAndTheKeyValueFile()
    {
        var (exitCode, output, _) = await Ext.RunAsync(
            "test", Guests.WatPath("event-handler"), "--event", """{"eventType":"order.placed","payload":{}}""", "--kv", KeyValueFile);

        Assert.Equal(ExitCodes.Ok, exitCode);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Matches(@"^ok in [\d.]+ ms, [\d,]+ fuel$", lines[0]);
        Assert.Equal("decision: proceed", lines[1]);
        Assert.Equal(["logs:", "log    info  wat handler: event received"], lines[2..4]);
        Assert.Equal($"key-value: {KeyValueFile} (0 key(s))", lines[4]);
    }

    [Fact]
    public async Task Event_KeyValueState_CarriesOverBetweenRunsInTheFile()
    {
        var handler = Guests.Built("rust-std-event-handler.wasm");
        const string Rewrite = """{"eventType":"order.rewrite","payload":{"id":1}}""";

        var (_, first) = await Ext.RunJsonAsync("test", handler, "--event", Rewrite, "--kv", KeyValueFile, "--timeout-ms", "5000", "--json");
        var (_, second) = await Ext.RunJsonAsync("test", handler, "--event", Rewrite, "--kv", KeyValueFile, "--timeout-ms", "5000", "--json");

        Assert.Equal(1, first.GetProperty("decision").GetProperty("payload").GetProperty("count").GetInt32());
        Assert.Equal(2, second.GetProperty("decision").GetProperty("payload").GetProperty("count").GetInt32());
        Assert.Equal("2", JsonNode.Parse(await File.ReadAllTextAsync(KeyValueFile, TestContext.Current.CancellationToken))!["events"]!.GetValue<string>());
    }

    [Fact]
    public async Task Event_FromAFile_IsReadWithAt()
    {
        var eventFile = Path.Combine(_directory, "event.json");
        await File.WriteAllTextAsync(eventFile, """{"eventType":"order.placed","eventId":"from-file","payload":{"a":1}}""", TestContext.Current.CancellationToken);

        var (exitCode, result) = await Ext.RunJsonAsync("test", Guests.WatPath("veto-echo-event-handler"), "--event", "@" + eventFile, "--kv", KeyValueFile, "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("""{"a":1}""", result.GetProperty("decision").GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("""{"payload":{}}""", "--event is an event as the publish API takes it")]
    [InlineData("""{"eventType":"Not A Type","payload":{}}""", "the host would refuse this event: 'eventType' is not valid")]
    [InlineData("{oops", "--event is not valid JSON")]
    public async Task Event_ThatTheHostWouldRefuse_Exits2SayingWhy(string eventJson, string message)
    {
        var (exitCode, _, error) = await Ext.RunAsync("test", Guests.WatPath("event-handler"), "--event", eventJson, "--kv", KeyValueFile);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Event_ForAComponentThatHandlesNone_Exits2NamingItsExports()
    {
        var (exitCode, _, error) = await Ext.RunAsync("test", Guests.WatPath("point-echo"), "--event", """{"eventType":"a.b","payload":{}}""", "--kv", KeyValueFile);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("build for world saas:extensibility/event-extension@1.0.0", error, StringComparison.Ordinal);
        Assert.Contains("Exports: saas:extensibility/extension-point@1.0.0#invoke", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Point_Echo_ShowsTheOutputAsJson()
    {
        var (exitCode, result) = await Ext.RunJsonAsync(
            "test", Guests.WatPath("point-echo"), "--point", "pricing.discount", "--input", """{"amountCents":1000}""", "--kv", KeyValueFile, "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(1000, result.GetProperty("output").GetProperty("amountCents").GetInt32());
        Assert.Equal("point-echo: pricing.discount", result.GetProperty("logs")[0].GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("\"fail\"", ExitCodes.GuestError, "guest-error")]
    [InlineData("\"loop\"", ExitCodes.Timeout, "timeout")]
    [InlineData("\"trap\"", ExitCodes.Trap, "trap")]
    [InlineData("\"not-json\"", ExitCodes.InvalidOutput, "ok")]
    public async Task Point_Failures_ExitWithTheirCode(string input, int expectedExit, string outcome)
    {
        var (exitCode, result) = await Ext.RunJsonAsync("test", Guests.WatPath("point-echo"), "--point", "p", "--input", input, "--kv", KeyValueFile, "--json");

        Assert.Equal(expectedExit, exitCode);
        Assert.Equal(outcome, result.GetProperty("outcome").GetString());
        if (input == "\"fail\"")
        {
            Assert.Equal("echo-fail", result.GetProperty("errorValue").GetProperty("code").GetString());
        }

        if (input == "\"not-json\"")
        {
            Assert.StartsWith("the component's output is not valid", result.GetProperty("error").GetString(), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--point", "p")]
    [InlineData("--event", "{}", "--point", "p", "--input", "1")]
    [InlineData("--event", "{}", "--input", "1")]
    [InlineData()]
    public async Task Test_WithoutExactlyOneCall_IsAUsageError(params string[] options)
    {
        var (exitCode, _, error) = await Ext.RunAsync(["test", Guests.WatPath("point-echo"), .. options]);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--", error, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyValueFile_BinaryValues_RoundTripAsBase64()
    {
        var scope = new Core.Runtime.Imports.KeyValue.KeyValueScope("local", "c");
        var store = new FileKeyValueStore(KeyValueFile, new Core.Runtime.Imports.KeyValue.KeyValueOptions());
        store.Set(scope, "text", "héllo"u8.ToArray());
        store.Set(scope, "bytes", [0xff, 0x00, 0xfe]);
        store.Save();

        var reloaded = new FileKeyValueStore(KeyValueFile, new Core.Runtime.Imports.KeyValue.KeyValueOptions());

        Assert.Equal("héllo"u8.ToArray(), reloaded.Get(scope, "text"));
        Assert.Equal([0xff, 0x00, 0xfe], reloaded.Get(scope, "bytes"));
        var json = JsonNode.Parse(File.ReadAllText(KeyValueFile))!;
        Assert.Equal(("héllo", "/wD+"), (json["text"]!.GetValue<string>(), json["bytes"]!["base64"]!.GetValue<string>()));
    }

    [Fact]
    public async Task KeyValueFile_ThatIsNotOne_Exits2SayingHowToStartOver()
    {
        await File.WriteAllTextAsync(KeyValueFile, "[1, 2]", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await Ext.RunAsync("test", Guests.WatPath("event-handler"), "--event", """{"eventType":"a.b","payload":{}}""", "--kv", KeyValueFile);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("delete it to start empty", error, StringComparison.Ordinal);
    }
}
