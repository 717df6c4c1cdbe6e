using System.Net.Http.Headers;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// What the blob store takes part in, run once per store by the classes below: the main path,
/// refused uploads that must leave no row and no blob, idempotent re-upload, and the approve/reject race.
/// </summary>
public abstract class BlobStoreTests(ApiHost host)
{
    protected ApiHost Host => host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> RefusedComponents => new()
    {
        { "garbage", "component-not-wasm", "not-wasm" },
        { "core-module", "component-is-core-module", "core-module" },
        { "truncated", "component-truncated", "truncated" },
        { "empty", "component-empty", "empty" },
    };

    [Fact]
    public Task Lifecycle_UploadApproveUploadApproveRollback() => LifecycleScenario.RunAsync(Host);

    [Theory]
    [MemberData(nameof(RefusedComponents))]
    public async Task Upload_NotAComponent_Is400WithItsTypeAndWritesNothing(string kind, string type, string code)
    {
        var (tenant, client) = await Host.CreateTenantAsync("bad");
        using var _ = client;
        var bytes = kind switch
        {
            "garbage" => TestWasm.Garbage(),
            "core-module" => TestWasm.CoreModule(),
            "truncated" => TestWasm.Truncated(),
            _ => [],
        };

        using var response = await client.UploadAsync(tenant, "hooks", bytes);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, type);
        Assert.Equal(code, problem.Str("code"));
        Assert.False(string.IsNullOrWhiteSpace(problem.Str("detail")));
        await AssertNothingWrittenAsync(tenant);
    }

    [Fact]
    public async Task Upload_OverTheLimitWithContentLength_Is413AndWritesNothing()
    {
        var (tenant, client) = await Host.CreateTenantAsync("big");
        using var _ = client;

        using var response = await client.UploadAsync(tenant, "hooks", new byte[ApiHost.MaxComponentBytes + 1]);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(ApiHost.MaxComponentBytes, problem["maxBytes"]!.GetValue<long>());
        await AssertNothingWrittenAsync(tenant);
    }

    [Fact]
    public async Task Upload_OverTheLimitWithoutContentLength_Is413AndWritesNothing()
    {
        var (tenant, client) = await Host.CreateTenantAsync("big");
        using var _ = client;
        var source = new CountingStream(totalBytes: 16 * ApiHost.MaxComponentBytes);
        using var content = new StreamContent(source);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/wasm");

        using var response = await client.PostAsync(TestApi.Versions(tenant, "hooks"), content, Cancellation);

        Assert.Null(content.Headers.ContentLength);
        await TestApi.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        await AssertNothingWrittenAsync(tenant);
    }

    [Fact]
    public async Task Upload_GzipBomb_Is413AtTheDecompressedLimitAndWritesNothing()
    {
        var (tenant, client) = await Host.CreateTenantAsync("bomb");
        using var _ = client;
        var bomb = TestWasm.Gzip(new byte[32 * ApiHost.MaxComponentBytes]);
        Assert.True(bomb.Length < ApiHost.MaxComponentBytes / 8, "the bomb is small on the wire");
        using var content = new ByteArrayContent(bomb);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/wasm");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync(TestApi.Versions(tenant, "hooks"), content, Cancellation);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Contains("decompressed", problem.Str("detail"), StringComparison.Ordinal);
        await AssertNothingWrittenAsync(tenant);
    }

    [Fact]
    public async Task Upload_SameBytesAgain_Is200WithTheExistingVersionAndNoNewRow()
    {
        var (tenant, client) = await Host.CreateTenantAsync("idem");
        using var _ = client;
        var bytes = TestWasm.WatHandler();
        var first = await client.UploadVersionAsync(tenant, "hooks", bytes);

        using var again = await client.UploadAsync(tenant, "hooks", bytes);

        var second = await TestApi.JsonAsync(again, HttpStatusCode.OK);
        Assert.Equal(first.Str("id"), second.Str("id"));
        Assert.Equal(1, second["version"]!.GetValue<int>());
        Assert.Equal($"/api/v1/tenants/{tenant}/components/hooks/versions/1", again.Headers.Location?.OriginalString);
        Assert.Equal((1, 1, 0), await Host.RowsAsync(tenant));
        Assert.Single(await Host.BlobsAsync(tenant));
    }

    [Fact]
    public async Task Upload_SameBytesAgainAfterTheirBlobWasLost_Is200WithTheOriginalVersionAndStoresTheBlobAgain()
    {
        // What a process killed while the sweeper raced an upload leaves: the version's row, no blob.
        var (tenant, client) = await Host.CreateTenantAsync("idem");
        using var _ = client;
        var bytes = Guests.Tagged(TestWasm.WatHandler(), "blob lost");
        var first = await client.UploadVersionAsync(tenant, "hooks", bytes);
        var store = Host.Services.GetRequiredService<IComponentStore>();
        Assert.True(await store.DeleteAsync(tenant, ComponentHash.Of(bytes), Cancellation));

        var retried = await client.UploadVersionAsync(tenant, "hooks", bytes, HttpStatusCode.OK);

        Assert.Equal(first.Str("id"), retried.Str("id"));
        Assert.Equal(bytes, await store.ReadAsync(tenant, ComponentHash.Of(bytes), Cancellation));
        Assert.Equal((1, 1, 0), await Host.RowsAsync(tenant));
    }

    [Fact]
    public async Task Upload_SameBytesConcurrently_RecordsOneVersion()
    {
        var (tenant, client) = await Host.CreateTenantAsync("idem");
        using var _ = client;
        var bytes = TestWasm.RustHandler();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.UploadAsync(tenant, "hooks", bytes)));

        try
        {
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
            Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            var ids = await Task.WhenAll(responses.Select(async r => (await TestApi.JsonAsync(r, r.StatusCode)).Str("id")));
            Assert.Single(ids.Distinct());
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }

        Assert.Equal((1, 1, 0), await Host.RowsAsync(tenant));
        Assert.Single(await Host.BlobsAsync(tenant));
    }

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
            var version = await client.UploadVersionAsync(tenant, "racy", Guests.Tagged(handler, $"round {round}"));
            var id = version.Str("id");

            var approve = approver.DecideAsync(id, "approve");
            var reject = rejecter.DecideAsync(id, "reject", "too slow");
            using var approved = await approve;
            using var rejected = await reject;

            var statuses = new[] { approved.StatusCode, rejected.StatusCode };
            Assert.True(statuses.Order().SequenceEqual([HttpStatusCode.OK, HttpStatusCode.Conflict]),
                $"round {round}: approve {(int)approved.StatusCode} {await approved.Content.ReadAsStringAsync(Cancellation)}, " +
                $"reject {(int)rejected.StatusCode} {await rejected.Content.ReadAsStringAsync(Cancellation)}");
            var (winner, loser, expected) = approved.StatusCode == HttpStatusCode.OK ? (approved, rejected, "active") : (rejected, approved, "rejected");
            Assert.Equal(expected, (await TestApi.JsonAsync(winner, HttpStatusCode.OK)).Str("status"));
            await TestApi.AssertProblemAsync(loser, HttpStatusCode.Conflict, "version-state-conflict");
            var stored = await client.GetJsonAsync(TestApi.Versions(tenant, "racy") + $"/{round + 1}");
            Assert.Equal(expected, stored.Str("status"));
            Assert.Single((await approver.GetJsonAsync($"/api/v1/admin/reviews/{id}/history")).AsArray());
        }

        Assert.Equal((1, Rounds, Rounds), await Host.RowsAsync(tenant));
        Assert.Equal(Rounds, (await Host.BlobsAsync(tenant)).Count);
        var versions = (await client.GetJsonAsync(TestApi.Versions(tenant, "racy"))).AsArray();
        Assert.True(versions.Count(v => v!.Str("status") == "active") <= 1, "at most one active version");
    }

    private async Task AssertNothingWrittenAsync(string tenant)
    {
        Assert.Equal((0, 0, 0), await Host.RowsAsync(tenant));
        Assert.Empty(await Host.BlobsAsync(tenant));
    }
}

/// <summary>The store-dependent tests on file-system blobs, in the shared functional host.</summary>
[Collection(ApiCollection.Name)]
public sealed class FileSystemBlobStoreTests(ApiFixture fixture) : BlobStoreTests(fixture.Host);

/// <summary>The store-dependent tests on Azure blobs in a real Azurite (one process for the collection, one host for the class).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzuriteBlobStoreTests(AzuriteApiFixture fixture) : BlobStoreTests(fixture.Host), IClassFixture<AzuriteApiFixture>;

/// <summary>A host whose blobs live in a container of its own in the collection's Azurite.</summary>
public sealed class AzuriteApiFixture(AzuriteFixture azurite) : IAsyncLifetime
{
    public ApiHost Host { get; } = new(AzureBlobSettings(azurite));

    /// <summary>Settings that put a host's blobs in a fresh container of <paramref name="azurite"/>.</summary>
    public static Dictionary<string, string?> AzureBlobSettings(AzuriteFixture azurite) => new()
    {
        ["ExtensibilityHost:Storage:Provider"] = "AzureBlob",
        ["ExtensibilityHost:Storage:AzureConnectionString"] = azurite.ConnectionString,
        ["ExtensibilityHost:Storage:AzureContainer"] = "api-" + Guid.NewGuid().ToString("N")[..20],
    };

    public async ValueTask InitializeAsync() => await Host.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
