using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Versions;

/// <summary>
/// Deletes stored blobs that no version refers to once they are older than
/// <see cref="UploadOptions.OrphanGracePeriod"/>: what an upload leaves behind when it fails or is
/// cancelled between storing the blob and inserting its row. With the same grace period it deletes
/// the store's temporaries of puts that crashed (<see cref="IComponentStore.DeleteStaleTemporariesAsync"/>),
/// which no listing shows. Runs every
/// <see cref="UploadOptions.OrphanSweepInterval"/>; <see cref="SweepAsync"/> runs one pass on demand.
/// </summary>
/// <remarks>
/// An upload of the same bytes may find the old blob (the put is idempotent) and insert its row while
/// a pass is deleting it. So a pass reads an orphan before deleting it and checks the database again
/// afterwards, storing it back if a row appeared; an upload that inserts its row after that check
/// finds the blob missing and stores it again itself.
/// </remarks>
public sealed partial class OrphanBlobSweeper(
    IServiceScopeFactory scopes, IComponentStore store, IOptions<UploadOptions> options, TimeProvider time, ILogger<OrphanBlobSweeper> logger)
    : BackgroundService
{
    /// <summary>Runs one pass: deletes every orphan, and every temporary of a crashed put, older than the grace period.</summary>
    /// <returns>How many blobs were deleted (temporaries not counted).</returns>
    public async Task<int> SweepAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = time.GetUtcNow() - options.Value.OrphanGracePeriod;
        var temporaries = await store.DeleteStaleTemporariesAsync(cutoff, cancellationToken);
        if (temporaries > 0)
        {
            LogTemporariesDeleted(temporaries, cutoff);
        }

        List<ComponentBlob> old = [];
        await foreach (var blob in store.ListAsync(null, cancellationToken))
        {
            if (blob.CreatedAt <= cutoff)
            {
                old.Add(blob);
            }
        }

        var deleted = 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        foreach (var blob in old)
        {
            if (await IsReferencedAsync(db, blob, cancellationToken))
            {
                continue;
            }

            byte[]? content;
            try
            {
                content = await store.ReadAsync(blob.TenantId, blob.Sha256, cancellationToken);
            }
            catch (ComponentBlobCorruptedException)
            {
                // Nothing worth keeping: an upload that refers to these bytes stores them again.
                content = null;
            }

            await store.DeleteAsync(blob.TenantId, blob.Sha256, cancellationToken);
            if (content is not null && await IsReferencedAsync(db, blob, cancellationToken))
            {
                await store.PutAsync(blob.TenantId, blob.Sha256, content, cancellationToken);
                LogKept(blob.Name);
                continue;
            }

            deleted++;
            LogDeleted(blob.Name, blob.SizeBytes, blob.CreatedAt);
        }

        return deleted;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OrphanSweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var deleted = await SweepAsync(stoppingToken);
                LogPass(deleted);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The next pass tries again; an unreachable store or database must not stop the host.
                LogPassFailed(exception);
            }
        }
    }

    private static Task<bool> IsReferencedAsync(HostDbContext db, ComponentBlob blob, CancellationToken cancellationToken) =>
        db.Versions.IgnoreQueryFilters().AnyAsync(v => v.TenantId == blob.TenantId && v.Sha256 == blob.Sha256, cancellationToken);
}
