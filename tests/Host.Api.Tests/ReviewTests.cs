using System.Net;
using System.Text.Json.Nodes;

namespace ExtensibilityHost.Api.Tests;

/// <summary>The review lifecycle and its decisions' rules, on file-system blobs.</summary>
[Collection(ApiCollection.Name)]
public sealed class ReviewTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    [Fact]
    public Task Lifecycle_UploadApproveUploadApproveRollback_OnFileSystemBlobs() => LifecycleScenario.RunAsync(Host);

    [Fact]
    public async Task ApproveAndReject_RacingOnFreshVersions_ExactlyOneWinsEachTime()
    {
        var (tenant, client) = await Host.CreateTenantAsync("race");
        using var tenantClient = client;
        using var approver = Host.Admin();
        using var rejecter = Host.Admin();
        var handler = TestWasm.WatHandler();
        const int Rounds = 15;

        for (var round = 0; round < Rounds; round++)
        {
            var version = await client.UploadVersionAsync(tenant, "racy", TestWasm.Tagged(handler, $"round {round}"));
            var id = version.Str("id");

            var approve = approver.DecideAsync(id, "approve");
            var reject = rejecter.DecideAsync(id, "reject", "too slow");
            using var approved = await approve;
            using var rejected = await reject;

            var statuses = new[] { approved.StatusCode, rejected.StatusCode };
            Assert.True(statuses.Order().SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]),
                $"round {round}: approve {(int)approved.StatusCode} {await approved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}, " +
                $"reject {(int)rejected.StatusCode} {await rejected.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            var (winner, loser, expected) = approved.StatusCode == HttpStatusCode.OK ? (approved, rejected, "active") : (rejected, approved, "rejected");
            Assert.Equal(expected, (await Api.JsonAsync(winner, HttpStatusCode.OK)).Str("status"));
            await Api.AssertProblemAsync(loser, HttpStatusCode.Conflict, "version-state-conflict");
            var stored = await client.GetJsonAsync(Api.Versions(tenant, "racy") + $"/{round + 1}");
            Assert.Equal(expected, stored.Str("status"));
            Assert.Single((await approver.GetJsonAsync($"/api/v1/admin/reviews/{id}/history")).AsArray());
        }

        Assert.Equal((1, Rounds, Rounds), await Host.RowsAsync(tenant));
        var versions = (await client.GetJsonAsync(Api.Versions(tenant, "racy"))).AsArray();
        Assert.True(versions.Count(v => v!.Str("status") == "active") <= 1, "at most one active version");
    }

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
        Assert.Equal("rejected", (await client.GetJsonAsync(Api.Versions(tenant, "hooks") + "/1")).Str("status"));
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

        var problem = await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
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

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
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

        await Api.AssertProblemAsync(response, HttpStatusCode.Conflict, "version-state-conflict");
    }

    [Fact]
    public async Task Rollback_OfAPendingVersion_Is409()
    {
        var (_, id, client) = await PendingVersionAsync();
        using var _ = client;
        using var admin = Host.Admin();

        using var response = await admin.DecideAsync(id, "rollback");

        await Api.AssertProblemAsync(response, HttpStatusCode.Conflict, "version-state-conflict");
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

        await Api.AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Queue_UnknownStatus_Is400()
    {
        using var admin = Host.Admin();

        using var response = await admin.GetAsync("/api/v1/admin/reviews?status=approved-ish", TestContext.Current.CancellationToken);

        await Api.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
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
