using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Versions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The sweeper of blobs that no version refers to (what an upload leaves when it fails between the
/// blob and the row), run directly against the host's store and database.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OrphanSweeperTests(ApiFixture fixture)
{
    private static readonly TimeSpan Grace = TimeSpan.FromHours(1);

    private ApiHost Host => fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sweep_OrphanOlderThanTheGracePeriod_IsDeletedAndReferencedBlobsAreKept()
    {
        var (tenant, client) = await Host.CreateTenantAsync("sweep");
        using var _ = client;
        var referenced = Guests.Tagged(TestWasm.WatHandler(), "kept");
        await client.UploadVersionAsync(tenant, "hooks", referenced);
        var orphan = Guests.Tagged(TestWasm.WatHandler(), "orphan");
        await Store.PutAsync(tenant, ComponentHash.Of(orphan), orphan, Cancellation);

        await Sweeper(later: Grace + TimeSpan.FromMinutes(1)).SweepAsync(Cancellation);

        Assert.Equal([ComponentHash.Of(referenced)], (await Host.BlobsAsync(tenant)).Select(b => b.Sha256));
        Assert.Equal((1, 1, 0), await Host.RowsAsync(tenant));
    }

    [Fact]
    public async Task Sweep_OrphanYoungerThanTheGracePeriod_IsKept()
    {
        var (tenant, client) = await Host.CreateTenantAsync("sweep");
        using var _ = client;
        var orphan = Guests.Tagged(TestWasm.WatHandler(), "young orphan");
        await Store.PutAsync(tenant, ComponentHash.Of(orphan), orphan, Cancellation);

        await Sweeper(later: Grace - TimeSpan.FromMinutes(5)).SweepAsync(Cancellation);

        Assert.Single(await Host.BlobsAsync(tenant));
    }

    [Fact]
    public async Task Upload_AfterItsOrphanedBlobWasSwept_StoresTheBlobAgain()
    {
        var (tenant, client) = await Host.CreateTenantAsync("sweep");
        using var _ = client;
        var bytes = Guests.Tagged(TestWasm.WatHandler(), "swept then uploaded");
        await Store.PutAsync(tenant, ComponentHash.Of(bytes), bytes, Cancellation);
        await Sweeper(later: Grace + TimeSpan.FromMinutes(1)).SweepAsync(Cancellation);
        Assert.Empty(await Host.BlobsAsync(tenant));

        await client.UploadVersionAsync(tenant, "hooks", bytes);

        Assert.Equal(bytes, await Store.ReadAsync(tenant, ComponentHash.Of(bytes), Cancellation));
    }

    [Fact]
    public async Task Sweep_TemporaryOfACrashedPut_IsDeletedOnceOlderThanTheGracePeriodAndKeptBefore()
    {
        var (tenant, client) = await Host.CreateTenantAsync("sweep");
        using var _ = client;
        var folder = Path.Combine(Host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.FileSystemRoot!, tenant);
        Directory.CreateDirectory(folder);
        var sha256 = ComponentHash.Of(Guests.Tagged(TestWasm.WatHandler(), "crashed put"));
        var stale = Path.Combine(folder, $".{sha256}.{Guid.NewGuid():N}.tmp");
        var fresh = Path.Combine(folder, $".{sha256}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(stale, [1, 2, 3], Cancellation);
        await File.WriteAllBytesAsync(fresh, [1, 2, 3], Cancellation);
        File.SetLastWriteTimeUtc(stale, DateTime.UtcNow - Grace - TimeSpan.FromMinutes(1));

        await Sweeper(later: TimeSpan.Zero).SweepAsync(Cancellation);

        Assert.False(File.Exists(stale), stale);
        Assert.True(File.Exists(fresh), fresh);
    }

    private IComponentStore Store => Host.Services.GetRequiredService<IComponentStore>();

    /// <summary>A sweeper on the host's store and database whose clock runs <paramref name="later"/> ahead.</summary>
    private OrphanBlobSweeper Sweeper(TimeSpan later) => new(
        Host.Services.GetRequiredService<IServiceScopeFactory>(),
        Store,
        Options.Create(new UploadOptions { OrphanGracePeriod = Grace }),
        new ShiftedTime(later),
        NullLogger<OrphanBlobSweeper>.Instance);

    private sealed class ShiftedTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
