namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The <c>saas:extensibility</c> version a component targets, in the version document (upload
/// response, GET) and in the review queue's capability diff.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ContractVersionApiTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Theory]
    [InlineData("event-handler.wat", "1.0.0")]
    [InlineData("metadata-event-handler-1.1.wat", "1.1.0")]
    [InlineData("rust-std-event-handler.wasm", "1.0.0")]
    [InlineData("rust-std-event-handler-1.1.wasm", "1.1.0")]
    public async Task Upload_Component_TheVersionDocumentSaysWhichContractVersionItTargets(string guest, string expected)
    {
        var (tenant, client) = await Host.CreateTenantAsync("cv");
        using var _ = client;

        var uploaded = await client.UploadVersionAsync(tenant, "hooks", Guests.Component(guest));
        var fetched = await client.GetJsonAsync(TestApi.Versions(tenant, "hooks") + "/1");

        Assert.Equal(expected, uploaded.Str("contractVersion"));
        Assert.Equal(expected, fetched.Str("contractVersion"));
    }

    [Fact]
    public async Task ReviewQueue_A11VersionOfA10Component_TheCapabilityDiffSays100To110()
    {
        var (tenant, client) = await Host.CreateTenantAsync("cv");
        using var _ = client;
        using var admin = Host.Admin();
        var v1 = await client.UploadVersionAsync(tenant, "orders", Guests.Component("event-handler.wat"));
        await admin.DecideVersionAsync(v1.Str("id"), "approve");

        var v2 = await client.UploadVersionAsync(tenant, "orders", Guests.Component("metadata-event-handler-1.1.wat"));

        var queued = Assert.Single((await admin.GetJsonAsync("/api/v1/admin/reviews?status=pending")).AsArray(), e => e!["version"]!.Str("id") == v2.Str("id"))!;
        var diff = queued["capabilityDiff"]!;
        Assert.Equal(("1.1.0", "1.0.0", true), (diff.Str("contractVersion"), diff.Str("comparedContractVersion"), diff["contractVersionChanged"]!.GetValue<bool>()));
        Assert.Equal("1.1.0", queued["version"]!.Str("contractVersion"));
    }

    [Fact]
    public async Task ReviewQueue_ANewVersionOfTheSameContract_SaysTheContractVersionDidNotChange()
    {
        var (tenant, client) = await Host.CreateTenantAsync("cv");
        using var _ = client;
        using var admin = Host.Admin();
        var v1 = await client.UploadVersionAsync(tenant, "orders", Guests.Component("event-handler.wat"));
        await admin.DecideVersionAsync(v1.Str("id"), "approve");

        var v2 = await client.UploadVersionAsync(tenant, "orders", Guests.Component("veto-echo-event-handler.wat"));

        var queued = Assert.Single((await admin.GetJsonAsync("/api/v1/admin/reviews?status=pending")).AsArray(), e => e!["version"]!.Str("id") == v2.Str("id"))!;
        var diff = queued["capabilityDiff"]!;
        Assert.Equal(("1.0.0", "1.0.0", false), (diff.Str("contractVersion"), diff.Str("comparedContractVersion"), diff["contractVersionChanged"]!.GetValue<bool>()));
    }
}
