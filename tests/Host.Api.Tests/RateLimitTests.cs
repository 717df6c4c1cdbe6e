namespace ExtensibilityHost.Api.Tests;

/// <summary>Per-tenant rate limiting, on a host of its own with a tiny limit.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly ApiHost _host = new(new Dictionary<string, string?>
    {
        ["ExtensibilityHost:RateLimit:PermitsPerSecond"] = "1",
        ["ExtensibilityHost:RateLimit:Burst"] = "3",
    });

    public async ValueTask InitializeAsync() => await _host.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Requests_OverTheTenantsBurst_Are429WithRetryAfter()
    {
        var (tenant, client) = await _host.CreateTenantAsync("rl");
        using var _ = client;

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++)
        {
            responses.Add(await client.GetAsync($"/api/v1/tenants/{tenant}/components", TestContext.Current.CancellationToken));
        }

        try
        {
            Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode);
            var limited = responses.Find(r => r.StatusCode == HttpStatusCode.TooManyRequests);
            Assert.NotNull(limited);
            await TestApi.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "rate-limited");
            Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {limited.Headers.RetryAfter}");
        }
        finally
        {
            responses.ForEach(r => r.Dispose());
        }
    }

    [Fact]
    public async Task Requests_OfAnotherTenant_AreNotSlowedByANoisyOne()
    {
        var (noisy, noisyClient) = await _host.CreateTenantAsync("noisy");
        var (quiet, quietClient) = await _host.CreateTenantAsync("quiet");
        using var _ = noisyClient;
        using var __ = quietClient;
        for (var i = 0; i < 6; i++)
        {
            using var response = await noisyClient.GetAsync($"/api/v1/tenants/{noisy}/components", TestContext.Current.CancellationToken);
        }

        using var quietResponse = await quietClient.GetAsync($"/api/v1/tenants/{quiet}/components", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, quietResponse.StatusCode);
    }

    [Fact]
    public async Task HealthProbes_BeyondAnyBurst_AreNeverLimited()
    {
        using var anonymous = _host.Client(null);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 10; i++)
        {
            using var response = await anonymous.GetAsync("/health/live", TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }
}
