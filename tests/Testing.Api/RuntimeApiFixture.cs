using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Testing;
using Xunit;

namespace ExtensibilityHost.Testing.Api;

/// <summary>
/// A host with extension points configured, a low suspension threshold and one concurrent call
/// per tenant, for the run-time API (events, points, typed calls, invocation log, protection).
/// </summary>
public sealed class RuntimeApiFixture : IAsyncLifetime
{
    public const int FailuresBeforeSuspension = 3;

    public ApiHost Host { get; } = new(Settings());

    /// <summary>
    /// The run-time test host's settings: extension points of point-echo's and a toolchain guest's
    /// kinds, room for a Go guest's first call and the 12 MB JavaScript guest, one call at a time
    /// per tenant, fast outbox polling. Shared with the SDK's tests, which run the client and ext
    /// against the same kind of host.
    /// </summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["ExtensibilityHost:ExtensionPoints:echo.open:Kind"] = "Generic",
        ["ExtensibilityHost:ExtensionPoints:echo.open:TimeoutMs"] = "100",
        ["ExtensibilityHost:ExtensionPoints:echo.open:FailurePolicy"] = "FailOpen",
        ["ExtensibilityHost:ExtensionPoints:echo.open:Default"] = """{"fallback":true}""",
        ["ExtensibilityHost:ExtensionPoints:echo.closed:Kind"] = "Generic",
        ["ExtensibilityHost:ExtensionPoints:echo.closed:TimeoutMs"] = "100",
        ["ExtensibilityHost:ExtensionPoints:echo.closed:FailurePolicy"] = "FailClosed",
        ["ExtensibilityHost:ExtensionPoints:tool.closed:Kind"] = "Generic",
        ["ExtensibilityHost:ExtensionPoints:tool.closed:TimeoutMs"] = "2000",
        ["ExtensibilityHost:ExtensionPoints:tool.closed:FailurePolicy"] = "FailClosed",
        // Event handlers run with the default limits: room for a Go guest's first call on a busy
        // test machine (its runtime starts in every fresh instance).
        ["ExtensibilityHost:Runtime:DefaultLimits:Timeout"] = "00:00:02",
        ["ExtensibilityHost:Invocations:FailuresBeforeSuspension"] = FailuresBeforeSuspension.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["ExtensibilityHost:Invocations:MaxConcurrencyPerTenant"] = "1",
        ["ExtensibilityHost:Events:PollInterval"] = "00:00:00.050",
        // The JavaScript guest is 12 MB.
        ["ExtensibilityHost:Upload:MaxComponentBytes"] = (32 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static byte[] Wat(string name) => WatText.ToBinary(Guests.Wat(name));

    public async ValueTask InitializeAsync() => await Host.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Uploads <paramref name="component"/> for the tenant and approves it; returns the version id.</summary>
    public async Task<string> DeployAsync(string tenant, HttpClient client, string name, byte[] component)
    {
        var version = await client.UploadVersionAsync(tenant, name, component);
        using var admin = Host.Admin();
        await admin.DecideVersionAsync(version.Str("id"), "approve");
        return version.Str("id");
    }

    public static async Task BindAsync(HttpClient client, string tenant, string point, string component)
    {
        using var response = await client.PutAsJsonAsync(
            $"/api/v1/tenants/{tenant}/extension-points/{point}/binding", new { component }, TestContext.Current.CancellationToken);
        await TestApi.JsonAsync(response, HttpStatusCode.OK);
    }

    public static Task<HttpResponseMessage> InvokePointAsync(HttpClient client, string tenant, string point, JsonNode input) =>
        client.PostAsJsonAsync($"/api/v1/tenants/{tenant}/extension-points/{point}/invoke", new JsonObject { ["input"] = input },
            TestContext.Current.CancellationToken);
}
