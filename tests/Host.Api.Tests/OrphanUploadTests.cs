using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The orphan an upload really leaves when the database fails after the blob was stored, through the
/// API on Azure blobs in Azurite, and the sweeper that removes it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class OrphanUploadTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly FailingVersionInsert _failure = new();
    private ApiHost _host = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = new ApiHost(
            AzuriteApiFixture.AzureBlobSettings(azurite),
            services => services.ConfigureDbContext<SqliteHostDbContext>(options => options.AddInterceptors(_failure)));
        await _host.StartAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Upload_VersionInsertFailsAfterTheBlobWasStored_Is500AndTheSweeperDeletesTheOrphan()
    {
        var (tenant, client) = await _host.CreateTenantAsync("orphan");
        using var _ = client;
        var bytes = Guests.Tagged(TestWasm.WatHandler(), "orphaned by a failed insert");
        _failure.FailFor = tenant;

        using var response = await client.UploadAsync(tenant, "hooks", bytes);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.InternalServerError, "internal-error");
        Assert.True(_failure.Failures > 0, "the interceptor refused the version row");
        Assert.Equal(0, (await _host.RowsAsync(tenant)).Versions);
        Assert.Equal([ComponentHash.Of(bytes)], (await _host.BlobsAsync(tenant)).Select(b => b.Sha256));

        var deleted = await Sweeper().SweepAsync(Cancellation);

        Assert.Equal(1, deleted);
        Assert.Empty(await _host.BlobsAsync(tenant));
    }

    /// <summary>A sweeper on the host's store and database with no grace period, its clock a minute ahead of the blob's creation time.</summary>
    private OrphanBlobSweeper Sweeper() => new(
        _host.Services.GetRequiredService<IServiceScopeFactory>(),
        _host.Services.GetRequiredService<IComponentStore>(),
        Options.Create(new UploadOptions { OrphanGracePeriod = TimeSpan.Zero }),
        new ShiftedTime(TimeSpan.FromMinutes(1)),
        NullLogger<OrphanBlobSweeper>.Instance);

    private sealed class ShiftedTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }

    /// <summary>
    /// The database refusing every version row of one tenant, as a database that is failing would: a
    /// <see cref="DbUpdateException"/>, which the uploader retries and then lets through.
    /// </summary>
    private sealed class FailingVersionInsert : SaveChangesInterceptor
    {
        private int _failures;

        public string? FailFor { get; set; }

        public int Failures => Volatile.Read(ref _failures);

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } context && FailFor is { } tenant &&
                context.ChangeTracker.Entries<ComponentVersion>().Any(e => e.State == EntityState.Added && e.Entity.TenantId == tenant))
            {
                Interlocked.Increment(ref _failures);
                throw new DbUpdateException("Simulated: the database refused the version row.");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
