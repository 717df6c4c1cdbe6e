using System.Net.Http.Headers;
using ExtensibilityHost.Core.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Uploads: what is accepted, what is refused and with which problem, and that a refusal writes nothing.
/// The refusals, re-uploads and races that involve the blob store run on each store in <see cref="BlobStoreTests"/>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class UploadTests(ApiFixture fixture)
{
    private ApiHost Host => fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_ComponentImplementingNoWorld_Is400ListingTheProblemsAndWritesNothing()
    {
        var (tenant, client) = await Host.CreateTenantAsync("bad");
        using var _ = client;

        using var response = await client.UploadAsync(tenant, "adder", TestWasm.NoWorld());

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "component-world-mismatch");
        var listed = Assert.Single(problem["problems"]!.AsArray())!;
        Assert.Equal("no-world", listed.Str("code"));
        Assert.Empty(problem["worlds"]!.AsArray());
        await AssertNothingWrittenAsync(tenant);
    }

    [Fact]
    public async Task Upload_GzipBody_IsStoredDecompressed()
    {
        var (tenant, client) = await Host.CreateTenantAsync("gz");
        using var _ = client;
        var rust = TestWasm.RustHandler();

        using var response = await client.UploadAsync(tenant, "hooks", rust, gzip: true);

        var version = await TestApi.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(ComponentHash.Of(rust), version.Str("sha256"));
        Assert.Equal(rust.Length, version["sizeBytes"]!.GetValue<long>());
        Assert.Equal(ComponentHash.Of(rust), Assert.Single(await Host.BlobsAsync(tenant)).Sha256);
    }

    [Fact]
    public async Task Upload_BodyThatIsNotGzipDeclaredAsGzip_Is400AndWritesNothing()
    {
        var (tenant, client) = await Host.CreateTenantAsync("gz");
        using var _ = client;
        using var content = new ByteArrayContent(TestWasm.WatHandler());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/wasm");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync(TestApi.Versions(tenant, "hooks"), content, Cancellation);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "content-encoding-invalid");
        await AssertNothingWrittenAsync(tenant);
    }

    [Theory]
    [InlineData("application/octet-stream", null)]
    [InlineData(null, null)]
    [InlineData("application/wasm", "br")]
    public async Task Upload_WrongMediaTypeOrEncoding_Is415(string? mediaType, string? encoding)
    {
        var (tenant, client) = await Host.CreateTenantAsync("mt");
        using var _ = client;
        using var content = new ByteArrayContent(TestWasm.WatHandler());
        content.Headers.ContentType = mediaType is null ? null : new MediaTypeHeaderValue(mediaType);
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        using var response = await client.PostAsync(TestApi.Versions(tenant, "hooks"), content, Cancellation);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        await AssertNothingWrittenAsync(tenant);
    }

    [Theory]
    [InlineData("Hooks")]
    [InlineData("-hooks")]
    [InlineData("h")]
    [InlineData("hooks_v2")]
    public async Task Upload_InvalidComponentName_Is400(string name)
    {
        var (tenant, client) = await Host.CreateTenantAsync("name");
        using var _ = client;

        using var response = await client.UploadAsync(tenant, name, TestWasm.WatHandler());

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotNull(problem["errors"]!["name"]);
        await AssertNothingWrittenAsync(tenant);
    }

    [Fact]
    public async Task Upload_DifferentBytesConcurrently_NumbersThemWithoutGaps()
    {
        var (tenant, client) = await Host.CreateTenantAsync("seq");
        using var _ = client;
        var handler = TestWasm.WatHandler();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => client.UploadAsync(tenant, "hooks", Guests.Tagged(handler, $"v{i}"))));
        foreach (var response in responses)
        {
            await TestApi.JsonAsync(response, HttpStatusCode.Created);
            response.Dispose();
        }

        var numbers = (await client.GetJsonAsync(TestApi.Versions(tenant, "hooks"))).AsArray().Select(v => v!["version"]!.GetValue<int>());
        Assert.Equal([1, 2, 3, 4], numbers);
    }

    [Fact]
    public async Task Upload_SameBytesToAnotherComponent_IsANewVersionSharingTheBlob()
    {
        var (tenant, client) = await Host.CreateTenantAsync("share");
        using var _ = client;
        var bytes = TestWasm.WatHandler();
        await client.UploadVersionAsync(tenant, "first", bytes);

        var other = await client.UploadVersionAsync(tenant, "second", bytes);

        Assert.Equal(1, other["version"]!.GetValue<int>());
        Assert.Equal((2, 2, 0), await Host.RowsAsync(tenant));
        Assert.Single(await Host.BlobsAsync(tenant));
    }

    [Fact]
    public async Task Upload_Accepted_LeavesTheCompiledArtifactInTheCache()
    {
        var (tenant, client) = await Host.CreateTenantAsync("pre");
        using var _ = client;
        var bytes = Guests.Tagged(TestWasm.RustHandler(), "precompile");

        await client.UploadVersionAsync(tenant, "hooks", bytes);

        var artifact = Host.Services.GetRequiredService<CompiledComponentCache>().ArtifactPath(ComponentHash.Of(bytes));
        Assert.NotNull(artifact);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(artifact) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, Cancellation);
        }

        Assert.True(File.Exists(artifact), $"no artifact at {artifact}");
    }

    [Fact]
    public async Task ListVersions_UnknownComponent_Is404()
    {
        var (tenant, client) = await Host.CreateTenantAsync("list");
        using var _ = client;

        using var versions = await client.GetAsync(TestApi.Versions(tenant, "nothing"), Cancellation);
        using var version = await client.GetAsync(TestApi.Versions(tenant, "nothing") + "/1", Cancellation);

        await TestApi.AssertProblemAsync(versions, HttpStatusCode.NotFound, "not-found");
        await TestApi.AssertProblemAsync(version, HttpStatusCode.NotFound, "not-found");
    }

    private async Task AssertNothingWrittenAsync(string tenant)
    {
        Assert.Equal((0, 0, 0), await Host.RowsAsync(tenant));
        Assert.Empty(await Host.BlobsAsync(tenant));
    }
}
