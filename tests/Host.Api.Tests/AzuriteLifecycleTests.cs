using System.Net;
using ExtensibilityHost.Core.Tests.Storage;

namespace ExtensibilityHost.Api.Tests;

/// <summary>The main path and a refused upload with blobs in a real Azurite (started on a free port by the fixture).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteLifecycleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = new ApiHost(new Dictionary<string, string?>
        {
            ["ExtensibilityHost:Storage:Provider"] = "AzureBlob",
            ["ExtensibilityHost:Storage:AzureConnectionString"] = azurite.ConnectionString,
            ["ExtensibilityHost:Storage:AzureContainer"] = "api-" + Guid.NewGuid().ToString("N")[..20],
        });
        await _host.StartAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public Task Lifecycle_UploadApproveUploadApproveRollback_OnAzureBlobs() => LifecycleScenario.RunAsync(_host);

    [Fact]
    public async Task Upload_CoreModule_Is400AndLeavesNoBlobInAzure()
    {
        var (tenant, client) = await _host.CreateTenantAsync("az");
        using var _ = client;

        using var response = await client.UploadAsync(tenant, "hooks", TestWasm.CoreModule());

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, "component-is-core-module");
        Assert.Equal((0, 0, 0), await _host.RowsAsync(tenant));
        Assert.Empty(await _host.BlobsAsync(tenant));
    }
}
