using ExtensibilityHost.Sdk.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// A fresh tenant of <see cref="HostFixture"/> with the .NET client registered for its key, and the
/// client registered for the admin key: every client test starts from its own tenant, so one test's
/// failures (suspensions, disabled components) never reach another.
/// </summary>
internal sealed class ClientScenario : IAsyncDisposable
{
    private readonly ServiceProvider _tenantServices;
    private readonly ServiceProvider _adminServices;

    private ClientScenario(string tenant, string key, ServiceProvider tenantServices, ServiceProvider adminServices)
    {
        Tenant = tenant;
        Key = key;
        _tenantServices = tenantServices;
        _adminServices = adminServices;
        Client = tenantServices.GetRequiredService<ExtensibilityHostClient>();
        Admin = adminServices.GetRequiredService<ExtensibilityHostClient>();
    }

    public string Tenant { get; }

    public string Key { get; }

    /// <summary>The client with the tenant's key.</summary>
    public ExtensibilityHostClient Client { get; }

    /// <summary>The client with the admin key.</summary>
    public ExtensibilityHostClient Admin { get; }

    public static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static async Task<ClientScenario> StartAsync(HostFixture fixture, string prefix = "cl")
    {
        var (tenant, key) = await fixture.Host.CreateTenantKeyAsync(prefix);
        return new ClientScenario(tenant, key, fixture.ClientServices(key), fixture.ClientServices(fixture.Host.AdminKey));
    }

    /// <summary>A fresh tenant with point-echo deployed as <c>echo</c> and bound to <paramref name="point"/>.</summary>
    public static async Task<ClientScenario> WithEchoAsync(HostFixture fixture, string point = "echo.closed")
    {
        var scenario = await StartAsync(fixture);
        await scenario.DeployAsync("echo", RuntimeApiFixture.Wat("point-echo"));
        await scenario.Client.ExtensionPoints.BindAsync(scenario.Tenant, point, "echo", Cancellation);
        return scenario;
    }

    /// <summary>Uploads <paramref name="bytes"/> as <paramref name="component"/> with the tenant's client and approves it with the admin's.</summary>
    public async Task<VersionInfo> DeployAsync(string component, byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        var upload = await Client.Components.UploadAsync(Tenant, component, content, cancellationToken: Cancellation);
        return await Admin.Reviews.ApproveAsync(upload.Version.Id, "deployed by a client test", Cancellation);
    }

    public async ValueTask DisposeAsync()
    {
        await _tenantServices.DisposeAsync();
        await _adminServices.DisposeAsync();
    }
}
