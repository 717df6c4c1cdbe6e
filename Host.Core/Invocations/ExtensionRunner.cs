using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>
/// The <see cref="IExtensionRunner"/>: resolve, check the kill switches, take a concurrency slot,
/// load compiled, run in a fresh sandbox off the caller's thread, record, feed the breaker.
/// </summary>
/// <remarks>
/// Split in two stages (<see cref="PrepareAsync"/>, then <see cref="RunAsync(PreparedExtension, ExtensionRunRequest, CancellationToken)"/>)
/// so JSON callers can convert their arguments with the types of the very version that will run.
/// A version that cannot be loaded (its blob missing or corrupt) is an infrastructure fault: it
/// throws, is not recorded and does not feed the breaker, since it says nothing about tenant code.
/// </remarks>
internal sealed partial class ExtensionRunner(
    IServiceScopeFactory scopes,
    TenantConcurrencyLimiter limiter,
    CompiledComponentCache cache,
    IComponentStore store,
    ComponentSandbox sandbox,
    SandboxEngine engine,
    InvocationRecorder recorder,
    ComponentDescriptions descriptions,
    InvocationCapture capture,
    CircuitBreaker breaker,
    InvocationMetrics metrics,
    TimeProvider time,
    ILogger<ExtensionRunner> logger) : IExtensionRunner
{
    public async Task<ExtensionRunResult> RunAsync(ExtensionRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var preparation = await PrepareAsync(request.TenantId, request.ComponentName, request.WaitForSlot, cancellationToken);
        if (preparation.Ready is not { } extension)
        {
            return preparation.Refused!;
        }

        using (extension)
        {
            return await RunAsync(extension, request, cancellationToken);
        }
    }

    /// <summary>Resolves the active version, applies the kill switches, takes a slot and loads the compiled component.</summary>
    /// <exception cref="OperationCanceledException">Cancelled, including while waiting for a slot.</exception>
    /// <exception cref="InvalidOperationException">The active version's binary is missing from blob storage.</exception>
    /// <exception cref="ComponentBlobCorruptedException">The active version's binary is corrupt.</exception>
    public async Task<ExtensionPreparation> PrepareAsync(string tenantId, string componentName, bool waitForSlot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(componentName);

        var (version, refused) = await ResolveAsync(tenantId, componentName, cancellationToken);
        if (version is null)
        {
            return new ExtensionPreparation(null, refused);
        }

        var slot = await limiter.AcquireAsync(tenantId, waitForSlot, cancellationToken);
        if (slot is null)
        {
            return Refuse(ExtensionRunStatus.ConcurrencyLimited, $"tenant '{tenantId}' is at its concurrency limit");
        }

        try
        {
            var compiled = await cache.GetOrCompileAsync(
                version.Sha256, ct => LoadBytesAsync(tenantId, componentName, version, ct), cancellationToken);
            return new ExtensionPreparation(new PreparedExtension(tenantId, componentName, version.Id, version.Number, version.ConsecutiveFailures, compiled, slot), null);
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    /// <summary>Runs one call of a prepared extension, records it and feeds the breaker.</summary>
    public async Task<ExtensionRunResult> RunAsync(PreparedExtension extension, ExtensionRunRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentNullException.ThrowIfNull(request);

        var limits = request.Limits ?? engine.Options.DefaultLimits;
        var id = Guid.CreateVersion7();
        var context = new InvocationContext
        {
            TenantId = extension.TenantId,
            ComponentName = extension.ComponentName,
            Version = InvocationRecords.VersionText(extension.VersionNumber),
            InvocationId = id.ToString("N"),
        };
        var startedAt = time.GetUtcNow().UtcDateTime;

        // A guest call is a synchronous native call that holds its thread for up to its timeout:
        // it runs on the thread pool so the caller's thread (a request, a dispatcher loop) is never
        // blocked, and the tenant's slot bounds how many pool threads one tenant can hold.
        // Cancellation only stops a call that has not started; a started one ends at its deadline.
        var result = await Task.Run(
            () => sandbox.Invoke(extension.Component, request.Target, request.Arguments, context, limits), cancellationToken);

        metrics.Record(result);

        // The code ran: record it even if the caller has given up meanwhile.
        var signature = descriptions.SignatureOf(extension.Component, request.Target);
        var record = InvocationRecords.Create(
            id, extension, request, result, Math.Min(limits.MemoryBytes, engine.Options.PoolMaxMemoryBytes), startedAt,
            capture.Input(request.Target, request.Arguments, signature), capture.Output(result.Output, signature));
        await recorder.RecordAsync(record, breaker.CountsAsFailure(result.Outcome), extension.ConsecutiveFailures, CancellationToken.None);

        return new ExtensionRunResult
        {
            Status = ExtensionRunStatus.Ran,
            Invocation = result,
            InvocationId = id,
            VersionId = extension.VersionId,
            VersionNumber = extension.VersionNumber,
        };
    }

    private async Task<(ActiveVersion? Version, ExtensionRunResult? Refused)> ResolveAsync(
        string tenantId, string componentName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();

        // The hot path is one query: tenant switch, component switch and active version together,
        // as joins (a correlated FirstOrDefault would become a window function over every active version).
        var found = await (
            from component in db.Components.AsNoTracking()
            where component.TenantId == tenantId && component.Name == componentName
            join tenant in db.Tenants on component.TenantId equals tenant.Id
            join active in db.Versions.Where(v => v.Status == VersionStatus.Active) on component.Id equals active.ComponentId into actives
            from active in actives.DefaultIfEmpty()
            select new
            {
                component.Id,
                component.Disabled,
                TenantDisabled = tenant.Disabled,
                VersionId = (Guid?)active.Id,
                Number = (int?)active.Number,
                active.Sha256,
                ConsecutiveFailures = (int?)active.ConsecutiveFailures,
            }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            var tenantExists = await db.Tenants.AnyAsync(t => t.Id == tenantId, cancellationToken);
            return (null, Refused(ExtensionRunStatus.NotFound, tenantExists
                ? $"tenant '{tenantId}' has no component '{componentName}'"
                : $"tenant '{tenantId}' does not exist"));
        }

        if (found.TenantDisabled)
        {
            return (null, Refused(ExtensionRunStatus.TenantDisabled, $"tenant '{tenantId}' is disabled"));
        }

        if (found.Disabled)
        {
            return (null, Refused(ExtensionRunStatus.ComponentDisabled, $"component '{componentName}' is disabled"));
        }

        if (found is { VersionId: { } versionId, Number: { } number, Sha256: { } sha256 })
        {
            return (new ActiveVersion(versionId, number, sha256, found.ConsecutiveFailures ?? 0), null);
        }

        var suspended = await db.Versions.AsNoTracking()
            .Where(v => v.ComponentId == found.Id && v.Status == VersionStatus.Suspended)
            .OrderByDescending(v => v.StatusChangedAt)
            .Select(v => new { v.Number, v.StatusReason })
            .FirstOrDefaultAsync(cancellationToken);
        var reason = suspended is null
            ? $"component '{componentName}' has no approved version"
            : $"component '{componentName}' version {suspended.Number} is suspended: {suspended.StatusReason}";
        return (null, Refused(ExtensionRunStatus.NoActiveVersion, reason));
    }

    private async Task<byte[]> LoadBytesAsync(string tenantId, string componentName, ActiveVersion version, CancellationToken cancellationToken)
    {
        var bytes = await store.ReadAsync(tenantId, version.Sha256, cancellationToken);
        if (bytes is null)
        {
            LogBlobMissing(tenantId, componentName, version.Number, version.Sha256);
            throw new InvalidOperationException(
                $"The binary of {tenantId}/{componentName} version {version.Number} ({version.Sha256}) is missing from blob storage.");
        }

        return bytes;
    }

    private static ExtensionPreparation Refuse(ExtensionRunStatus status, string reason) => new(null, Refused(status, reason));

    private static ExtensionRunResult Refused(ExtensionRunStatus status, string reason) => new() { Status = status, Reason = reason };

    private sealed record ActiveVersion(Guid Id, int Number, string Sha256, int ConsecutiveFailures);
}
