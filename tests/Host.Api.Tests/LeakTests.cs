using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Every route of the route table, called by no one, by a tenant and by the admin, with no body,
/// a broken body and a body of the wrong shape, plus a guest that traps, with the host logging at
/// Debug: no response and no log line carries a stack trace, a file path, a connection string or
/// an API key. Every client of <see cref="ApiHost"/> checks its responses so (<see cref="LeakGuard"/>),
/// so the whole API suite's traffic is checked too; this test is the hostile sweep.
/// </summary>
public sealed class LeakTests : IAsyncLifetime
{
    private readonly ApiHost _host = new(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug" });
    private string _tenant = null!;
    private string _tenantKey = null!;
    private string _versionId = null!;

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
        var calls = 0;
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

                    // The client's LeakGuard fails the call if the response, or a line logged since, leaks.
                    using var response = await client.SendAsync(request, Cancellation);
                    calls++;
                }
            }
        }

        // A guest that traps (its first calls), as a sync handler: the trap's text reaches the publisher.
        using (var subscribed = await tenant.PutAsJsonAsync($"/api/v1/tenants/{_tenant}/subscriptions/order.placed", new { component = "trap", mode = "sync" }, Cancellation))
        {
            Assert.True(subscribed.IsSuccessStatusCode);
        }

        var trapped = 0;
        for (var i = 0; i < 3; i++)
        {
            using var published = await tenant.PostAsJsonAsync(
                $"/api/v1/tenants/{_tenant}/events", new JsonObject { ["eventType"] = "order.placed", ["payload"] = new JsonObject() }, Cancellation);
            trapped += (await published.Content.ReadAsStringAsync(Cancellation)).Contains("trap", StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            calls++;
        }

        _host.Leaks.CheckLog();
        TestContext.Current.TestOutputHelper?.WriteLine($"{calls} calls; in this process so far: {LeakWatch.Report}");
        Assert.True(trapped > 0, "no publish reported the guest's trap");
        Assert.True(calls > 300, $"only {calls} calls");
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
}
