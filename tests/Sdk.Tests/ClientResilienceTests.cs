using System.Net;
using ExtensibilityHost.Sdk.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// The resilience handler <c>AddExtensibilityHostClient</c> registers: a transient fault of the
/// path to the host is retried for idempotent requests only, never for a publish, an invoke or an
/// upload; the host's own answers are never retried. The fault is injected below the resilience
/// handler, in front of the real host.
/// </summary>
[Collection(ClientCollection.Name)]
public sealed class ClientResilienceTests(HostFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private async Task<(ServiceProvider Services, ExtensibilityHostClient Client, FirstAttemptFails Fault, string Tenant)> StartAsync(Func<HttpResponseMessage?>? fault = null)
    {
        var (tenant, key) = await fixture.Host.CreateTenantKeyAsync("rs");
        var handler = new FirstAttemptFails(fault);
        var services = fixture.ClientServices(key, builder => builder.AddHttpMessageHandler(() => handler));
        return (services, services.GetRequiredService<ExtensibilityHostClient>(), handler, tenant);
    }

    [Fact]
    public async Task Get_AfterAConnectionFailure_IsRetriedAndSucceeds()
    {
        var (services, client, fault, tenant) = await StartAsync();
        await using var _ = services;

        var components = await client.Components.ListAsync(tenant, Cancellation);

        Assert.Empty(components);
        Assert.Equal(2, fault.Attempts);
    }

    [Fact]
    public async Task Publish_AfterAConnectionFailure_IsNotRetried()
    {
        var (services, client, fault, tenant) = await StartAsync();
        await using var _ = services;

        await Assert.ThrowsAsync<HttpRequestException>(() => client.Events.PublishAsync(tenant, "order.placed", new { }, cancellationToken: Cancellation));

        Assert.Equal(1, fault.Attempts);
    }

    [Fact]
    public async Task Get_AfterAGatewayError_IsRetried_ButNotAfterTheHostsOwnProblem()
    {
        var (gatewayServices, gatewayClient, gateway, tenant) = await StartAsync(() => new HttpResponseMessage(HttpStatusCode.BadGateway));
        await using var _ = gatewayServices;

        await gatewayClient.Components.ListAsync(tenant, Cancellation);
        await Assert.ThrowsAsync<NotFoundException>(() => gatewayClient.Invocations.GetAsync(tenant, Guid.NewGuid(), Cancellation));

        // The gateway error was retried once; the host's 404 problem on the next request was not.
        Assert.Equal(3, gateway.Attempts);
    }

    /// <summary>Fails the first request it sees (a connection failure, or the given response); passes the rest to the host.</summary>
    private sealed class FirstAttemptFails(Func<HttpResponseMessage?>? fault) : DelegatingHandler
    {
        private int _attempts;

        public int Attempts => _attempts;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _attempts) > 1)
            {
                return base.SendAsync(request, cancellationToken);
            }

            return fault?.Invoke() is { } response
                ? Task.FromResult(response)
                : Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused (injected)"));
        }
    }
}
