using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Compilation;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Versions;

/// <summary>
/// Turns uploaded bytes into a pending <see cref="ComponentVersion"/>, in order of cost and so that a
/// failure at any step leaves no row: the same bytes already uploaded → that version (with its blob
/// stored again if it went missing); validate (binary check, compile — in a compile worker under a
/// time and memory budget when one is registered —, inspect, world check); store the blob; insert the rows; then hand the
/// compiled component to the cache (its artifact is written in the background) so no call after
/// approval waits on Cranelift.
/// </summary>
/// <remarks>
/// A blob stored before a failed insert is not deleted here: another upload of the same bytes (to
/// another component of the tenant) may be about to refer to it. <see cref="OrphanBlobSweeper"/>
/// removes blobs that no version refers to once they are older than a grace period.
/// </remarks>
public sealed partial class ComponentUploader
{
    /// <summary>Inserts race on the version number and the (component, hash) pair; each lost race is retried.</summary>
    private const int MaxInsertAttempts = 5;

    private readonly HostDbContext _db;
    private readonly IComponentStore _store;
    private readonly ComponentValidator _validator;
    private readonly IComponentCompiler _compiler;
    private readonly CompiledComponentCache _cache;
    private readonly ValidationSlots _slots;
    private readonly HostChanges _changes;
    private readonly TimeProvider _time;
    private readonly ILogger<ComponentUploader> _logger;

    internal ComponentUploader(
        HostDbContext db, IComponentStore store, ComponentValidator validator, IComponentCompiler compiler, CompiledComponentCache cache,
        ValidationSlots slots, HostChanges changes, TimeProvider time, ILogger<ComponentUploader> logger)
    {
        _changes = changes;
        _db = db;
        _store = store;
        _validator = validator;
        _compiler = compiler;
        _cache = cache;
        _slots = slots;
        _time = time;
        _logger = logger;
    }

    /// <summary>Uploads a component binary as the next version of <paramref name="componentName"/>.</summary>
    /// <param name="tenantId">The owning tenant (must exist).</param>
    /// <param name="componentName">The component; created with its first version. Must satisfy <see cref="ComponentName.IsValid"/>.</param>
    /// <param name="bytes">The whole binary, already size-checked by the caller.</param>
    /// <param name="cancellationToken">Cancels the upload; a blob already stored is left to the sweeper.</param>
    /// <returns>The new or existing version, or why the bytes were refused (nothing written then).</returns>
    /// <exception cref="ArgumentException">The tenant id or component name is invalid.</exception>
    /// <exception cref="InvalidOperationException">The compile worker could not be started or failed without an answer.</exception>
    public async Task<UploadResult> UploadAsync(string tenantId, string componentName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        TenantId.Require(tenantId);
        if (!ComponentName.IsValid(componentName))
        {
            throw new ArgumentException($"'{componentName}' is not a component name ({ComponentName.Rule}).", nameof(componentName));
        }

        var sha256 = ComponentHash.Of(bytes.Span);
        if (await FindAsync(tenantId, componentName, sha256, cancellationToken) is { } existing)
        {
            // A client's retry after a crash: the original version is the answer.
            await EnsureBlobAsync(tenantId, sha256, bytes, cancellationToken);
            LogAlreadyUploaded(tenantId, componentName, existing.Number, sha256);
            return UploadResult.Of(UploadStatus.AlreadyExists, existing);
        }

        var validation = await _slots.RunAsync(token => _validator.ValidateAsync(bytes, _compiler, token), cancellationToken);
        if (validation.LoadError is { } loadError)
        {
            LogRefused(tenantId, componentName, loadError.Code);
            return new UploadResult { Status = UploadStatus.NotAComponent, LoadError = loadError };
        }

        if (validation.BudgetExceeded is { } exceeded)
        {
            LogRefused(tenantId, componentName, exceeded.Budget == CompileBudget.Time ? "compile-time-budget" : "compile-memory-budget");
            return new UploadResult { Status = UploadStatus.CompileBudgetExceeded, BudgetExceeded = exceeded };
        }

        var conformance = validation.Conformance!;
        if (!conformance.Conforms)
        {
            // A capability the deployment refuses is named first: it is the decision the tenant cannot change by fixing code alone.
            var status = conformance.Problems.Any(p => p.Code is ConformanceProblem.WasiNotAllowed or ConformanceProblem.WasiVersionUnsupported)
                ? UploadStatus.WasiNotAllowed
                : UploadStatus.WorldMismatch;
            LogRefused(tenantId, componentName, status == UploadStatus.WasiNotAllowed ? "wasi-not-allowed" : "world-mismatch");
            return new UploadResult { Status = status, Conformance = conformance };
        }

        var put = await _store.PutAsync(tenantId, sha256, bytes, cancellationToken);
        if (!put.IsStored)
        {
            throw new InvalidOperationException($"The store refused {put.BlobName}: its content hashes to {put.ContentSha256}.");
        }

        var (version, created) = await InsertAsync(tenantId, componentName, sha256, bytes.Length, validation, cancellationToken);
        await EnsureBlobAsync(tenantId, sha256, bytes, cancellationToken);
        if (!created)
        {
            LogAlreadyUploaded(tenantId, componentName, version.Number, sha256);
            return UploadResult.Of(UploadStatus.AlreadyExists, version);
        }

        // The compiled component is the cache's at once, so no call after approval compiles it.
        _cache.Add(validation.Compiled!, validation.Artifact);
        LogUploaded(tenantId, componentName, version.Number, sha256, bytes.Length);
        return UploadResult.Of(UploadStatus.Created, version);
    }

    private Task<ComponentVersion?> FindAsync(string tenantId, string componentName, string sha256, CancellationToken cancellationToken) =>
        _db.Versions.AsNoTracking().FirstOrDefaultAsync(
            v => v.TenantId == tenantId && v.ComponentName == componentName && v.Sha256 == sha256, cancellationToken);

    private async Task<(ComponentVersion Version, bool Created)> InsertAsync(
        string tenantId, string componentName, string sha256, long sizeBytes, ComponentValidation validation, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var now = _time.GetUtcNow().UtcDateTime;
            var component = await _db.Components.FirstOrDefaultAsync(c => c.TenantId == tenantId && c.Name == componentName, cancellationToken);
            var number = 1;
            var newComponent = component is null;
            if (component is null)
            {
                component = new TenantComponent { Id = Guid.CreateVersion7(), TenantId = tenantId, Name = componentName, CreatedAt = now };
                _db.Components.Add(component);
            }
            else
            {
                number += await _db.Versions.Where(v => v.ComponentId == component.Id).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
            }

            var version = new ComponentVersion
            {
                Id = Guid.CreateVersion7(),
                TenantId = tenantId,
                ComponentId = component.Id,
                ComponentName = componentName,
                Number = number,
                Sha256 = sha256,
                SizeBytes = sizeBytes,
                Status = VersionStatus.Pending,
                WorldsJson = VersionJson.FromWorlds(validation.Conformance!.Worlds),
                ImportsJson = VersionJson.FromItems(validation.Description!.Imports),
                ExportsJson = VersionJson.FromItems(validation.Description.Exports),
                CreatedAt = now,
                StatusChangedAt = now,
                ConcurrencyStamp = Guid.NewGuid(),
            };
            _db.Versions.Add(version);
            try
            {
                await _db.SaveChangesAsync(cancellationToken);
                _db.ChangeTracker.Clear();
                if (newComponent)
                {
                    // Calls of this name were "no such component" until now.
                    await _changes.StampAsync(_db, cancellationToken);
                }

                return (version, true);
            }
            catch (DbUpdateException exception)
            {
                // A concurrent upload took the component name, the number, or these very bytes (the
                // unique indexes decided): the same bytes are that upload's version, anything else retries.
                _db.ChangeTracker.Clear();
                if (await FindAsync(tenantId, componentName, sha256, cancellationToken) is { } raced)
                {
                    return (raced, false);
                }

                if (attempt == MaxInsertAttempts)
                {
                    throw;
                }

                LogInsertRetried(tenantId, componentName, attempt, exception.InnerException?.Message ?? exception.Message);
            }
        }
    }

    /// <summary>
    /// Stores the bytes of a version that has a row again if its blob is missing. The sweeper may have
    /// deleted an old orphan with these bytes between our put (which found it) and our insert; it
    /// restores what it deleted if a row appeared before its re-check, and this restores it if the row
    /// appeared after. A process killed between those steps leaves a row without its blob and a client
    /// without an answer: the client's retry of the same bytes finds the row and repairs the blob here.
    /// </summary>
    private async Task EnsureBlobAsync(string tenantId, string sha256, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (!await _store.ExistsAsync(tenantId, sha256, cancellationToken))
        {
            LogBlobRestored(tenantId, sha256);
            await _store.PutAsync(tenantId, sha256, bytes, cancellationToken);
        }
    }
}
