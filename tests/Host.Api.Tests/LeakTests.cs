using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Every route of the route table, called by no one, by a tenant and by the admin, with no body,
/// a broken body and a body of the wrong shape, plus a guest that traps: no response and no log
/// line carries a stack trace, a file path, a connection string or an API key.
/// </summary>
public sealed partial class LeakTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider _hostLog = new();
    private readonly ApiHost _host;
    private readonly List<string> _responses = [];
    private string _tenant = null!;
    private string _tenantKey = null!;
    private string _versionId = null!;

    public LeakTests()
    {
        _host = new ApiHost(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" },
            services => services.AddSingleton<ILoggerProvider>(_hostLog));
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await _host.StartAsync();
        (_tenant, _tenantKey) = await _host.CreateTenantKeyAsync("leak");
        using var client = _host.Client(_tenantKey);
        var version = await client.UploadVersionAsync(_tenant, "trap", Guests.Component("flaky-event-handler.wat"));
        _versionId = version.Str("id");
        using var admin = _host.Admin();
        await admin.DecideVersionAsync(_versionId, "approve");
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task EveryRoute_BadCallsAndFailingGuests_LeakNoStackTracePathConnectionStringOrKey()
    {
        using var anonymous = _host.Client(null);
        using var tenant = _host.Client(_tenantKey);
        using var admin = _host.Admin();
        foreach (var (method, pattern) in _host.ApiRoutes())
        {
            foreach (var client in new[] { anonymous, tenant, admin })
            {
                foreach (var body in new[] { null, "{", """{"id": [1, {"x": null}], "component": 7, "reason": ""}""" })
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), SamplePath(pattern));
                    if (body is not null && method is "POST" or "PUT" or "PATCH")
                    {
                        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                    }

                    using var response = await client.SendAsync(request, Cancellation);
                    _responses.Add($"{method} {pattern.RawText} → {(int)response.StatusCode}\n{response.Headers}{response.Content.Headers}\n"
                        + await response.Content.ReadAsStringAsync(Cancellation));
                }
            }
        }

        // A guest that traps (its first calls), as a sync handler: the trap's text reaches the publisher.
        using (var subscribed = await tenant.PutAsJsonAsync($"/api/v1/tenants/{_tenant}/subscriptions/order.placed", new { component = "trap", mode = "sync" }, Cancellation))
        {
            Assert.True(subscribed.IsSuccessStatusCode);
        }

        for (var i = 0; i < 3; i++)
        {
            using var published = await tenant.PostAsJsonAsync(
                $"/api/v1/tenants/{_tenant}/events", new JsonObject { ["eventType"] = "order.placed", ["payload"] = new JsonObject() }, Cancellation);
            _responses.Add("POST events → " + (int)published.StatusCode + "\n" + await published.Content.ReadAsStringAsync(Cancellation));
        }

        Assert.Contains(_responses, r => r.Contains("trap", StringComparison.OrdinalIgnoreCase) && r.StartsWith("POST events", StringComparison.Ordinal));

        var secrets = Secrets();
        List<string> leaks = [];
        foreach (var response in _responses)
        {
            leaks.AddRange(Leaks(response, secrets).Select(leak => $"response {response.Split('\n')[0]}: {leak}"));
        }

        foreach (var (_, category, message) in _hostLog.Entries)
        {
            leaks.AddRange(secrets.Where(s => message.Contains(s, StringComparison.Ordinal)).Select(s => $"log {category}: a secret in \"{message}\""));
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{_responses.Count} responses and {_hostLog.Entries.Count} log lines checked");
        Assert.True(_responses.Count > 300, $"only {_responses.Count} responses");
        Assert.Empty(leaks);
    }

    /// <summary>What must never be shown: both keys, the connection string, and where the host keeps its files.</summary>
    private List<string> Secrets()
    {
        var configuration = _host.Services.GetRequiredService<IConfiguration>();
        var connectionString = configuration["ExtensibilityHost:Database:ConnectionString"]
            ?? _host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Persistence.PersistenceOptions>>().Value.ConnectionString;
        return [.. new[]
        {
            _host.AdminKey,
            _tenantKey,
            connectionString,
            ServiceCollectionExtensions.DataDirectory(configuration),
            AppContext.BaseDirectory.TrimEnd('/'),
        }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!)];
    }

    private static IEnumerable<string> Leaks(string response, List<string> secrets)
    {
        foreach (var secret in secrets.Where(s => response.Contains(s, StringComparison.Ordinal)))
        {
            yield return $"contains \"{secret}\"";
        }

        if (StackFrame().Match(response) is { Success: true } frame)
        {
            yield return $"a stack frame: {frame.Value}";
        }

        if (response.Contains("Data Source=", StringComparison.OrdinalIgnoreCase) || response.Contains("Server=", StringComparison.OrdinalIgnoreCase))
        {
            yield return "a connection string";
        }
    }

    private string SamplePath(RoutePattern pattern) => ApiHost.RoutePath(pattern, parameter => parameter switch
    {
        { Name: "tenant" } => _tenant,
        { Name: "versionId" } => _versionId,
        { Name: "name" or "component" } => "trap",
        { Name: "version" } => "1",
        _ when parameter.ParameterPolicies.Any(x => x.Content == "guid") => Guid.NewGuid().ToString(),
        { IsCatchAll: true } => "run",
        _ => "sample",
    });

    [GeneratedRegex(@"\bat [\w.`<>]+\(.*\)|\.cs:line \d+|System\.[A-Za-z.]*Exception\b")]
    private static partial Regex StackFrame();
}
