namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The review decisions' rules, on file-system blobs. The lifecycle and the approve/reject race run on
/// each blob store in <see cref="BlobStoreTests"/>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public async Task Reject_WithReason_IsRejectedWithTheReasonAudited()
    {
        var (tenant, id, client) = await PendingVersionAsync();
        using var _ = client;
        using var admin = Host.Admin();

        var rejected = await admin.DecideVersionAsync(id, "reject", "imports more than it needs");

        Assert.Equal("rejected", rejected.Str("status"));
        Assert.Equal("imports more than it needs", rejected.Str("statusReason"));
        var entry = Assert.Single((await admin.GetJsonAsync($"/api/v1/admin/reviews/{id}/history")).AsArray())!;
        Assert.Equal("rejected", entry.Str("decision"));
        Assert.Equal("imports more than it needs", entry.Str("reason"));
        Assert.Equal(id, entry.Str("versionId"));
        Assert.Equal("rejected", (await client.GetJsonAsync(TestApi.Versions(tenant, "hooks") + "/1")).Str("status"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public async Task Reject_WithoutReason_Is400AndChangesNothing(string? reason)
    {
        var (tenant, id, client) = await PendingVersionAsync();
        using var _ = client;
        using var admin = Host.Admin();

        using var response = await admin.DecideAsync(id, "reject", reason);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotNull(problem["errors"]!["reason"]);
        Assert.Equal((1, 1, 0), await Host.RowsAsync(tenant));
    }

    [Fact]
    public async Task Reject_ReasonOverTheCap_Is400()
    {
        var (_, id, client) = await PendingVersionAsync();
        using var _ = client;
        using var admin = Host.Admin();

        using var response = await admin.DecideAsync(id, "reject", new string('x', 2001));

        await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    [InlineData("rollback")]
    public async Task Decide_OnARejectedVersion_Is409(string decision)
    {
        var (_, id, client) = await PendingVersionAsync();
        using var _ = client;
        using var admin = Host.Admin();
        await admin.DecideVersionAsync(id, "reject", "no");

        using var response = await admin.DecideAsync(id, decision, "again");

        await TestApi.AssertProblemAsync(response, HttpStatusCode.Conflict, "version-state-conflict");
    }

    [Fact]
    public async Task Rollback_OfAPendingVersion_Is409()
    {
        var (_, id, client) = await PendingVersionAsync();
        using var _ = client;
        using var admin = Host.Admin();

        using var response = await admin.DecideAsync(id, "rollback");

        await TestApi.AssertProblemAsync(response, HttpStatusCode.Conflict, "version-state-conflict");
    }

    [Theory]
    [InlineData("approve")]
    [InlineData("reject")]
    [InlineData("rollback")]
    [InlineData("history")]
    public async Task Decide_UnknownVersion_Is404(string action)
    {
        using var admin = Host.Admin();
        var id = Guid.NewGuid().ToString();

        using var response = action == "history"
            ? await admin.GetAsync($"/api/v1/admin/reviews/{id}/history", TestContext.Current.CancellationToken)
            : await admin.DecideAsync(id, action, "why");

        await TestApi.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Queue_UnknownStatus_Is400()
    {
        using var admin = Host.Admin();

        using var response = await admin.GetAsync("/api/v1/admin/reviews?status=approved-ish", TestContext.Current.CancellationToken);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task Queue_StatusRejected_ListsRejectedVersionsOnly()
    {
        var (_, id, client) = await PendingVersionAsync();
        using var _ = client;
        using var admin = Host.Admin();
        await admin.DecideVersionAsync(id, "reject", "no");

        var rejected = (await admin.GetJsonAsync("/api/v1/admin/reviews?status=rejected")).AsArray();
        var pending = (await admin.GetJsonAsync("/api/v1/admin/reviews")).AsArray();

        Assert.Contains(rejected, e => e!["version"]!.Str("id") == id);
        Assert.All(rejected, e => Assert.Equal("rejected", e!["version"]!.Str("status")));
        Assert.DoesNotContain(pending, e => e!["version"]!.Str("id") == id);
    }

    private async Task<(string Tenant, string VersionId, HttpClient Client)> PendingVersionAsync()
    {
        var (tenant, client) = await Host.CreateTenantAsync("rev");
        JsonObject version = await client.UploadVersionAsync(tenant, "hooks", TestWasm.WatHandler());
        return (tenant, version.Str("id"), client);
    }
}
