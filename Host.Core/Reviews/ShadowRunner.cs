using System.Text.Json;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Json;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Storage;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;

namespace ExtensibilityHost.Core.Reviews;

/// <summary>
/// The shadow run at review: the last recorded inputs of a component's active version (events and
/// extension-point calls from the invocation log) replayed against the active version and the
/// candidate, side by side, in the sandbox. Without side effects: the calls run as shadows
/// (key-value writes go to a throwaway overlay), nothing is delivered, nothing is recorded as an
/// invocation, and no circuit breaker or concurrency slot is involved; the calls run on the tenant's
/// share of the execution slots like any other (<see cref="GuestCallScheduler"/>).
/// </summary>
public sealed class ShadowRunner
{
    /// <summary>The most inputs one shadow run replays.</summary>
    public const int MaxInputs = 50;

    /// <summary>How many inputs a shadow run replays unless asked otherwise.</summary>
    public const int DefaultInputs = 10;

    private readonly HostDbContext _db;
    private readonly CompiledComponentCache _cache;
    private readonly IComponentStore _store;
    private readonly ComponentSandbox _sandbox;
    private readonly GuestCallScheduler _scheduler;
    private readonly ComponentDescriptions _descriptions;
    private readonly InvocationLogWriter _log;

    internal ShadowRunner(
        HostDbContext db, CompiledComponentCache cache, IComponentStore store, ComponentSandbox sandbox, GuestCallScheduler scheduler,
        ComponentDescriptions descriptions, InvocationLogWriter log)
    {
        _log = log;
        _db = db;
        _cache = cache;
        _store = store;
        _sandbox = sandbox;
        _scheduler = scheduler;
        _descriptions = descriptions;
    }

    /// <summary>Replays up to <paramref name="count"/> recorded inputs against the version <paramref name="versionId"/>.</summary>
    /// <returns>The runs, or <see langword="null"/> when there is no such version.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is not 1–<see cref="MaxInputs"/>.</exception>
    /// <exception cref="InvalidOperationException">A version's binary is missing from blob storage.</exception>
    public async Task<ShadowRun?> RunAsync(Guid versionId, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxInputs);
        var candidate = await _db.Versions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == versionId, cancellationToken);
        if (candidate is null)
        {
            return null;
        }

        var active = await _db.Versions.AsNoTracking()
            .FirstOrDefaultAsync(v => v.ComponentId == candidate.ComponentId && v.Status == VersionStatus.Active, cancellationToken);
        if (active is null)
        {
            return Empty(candidate, null, $"Component '{candidate.ComponentName}' has no active version, so there are no production inputs to replay.");
        }

        if (active.Id == candidate.Id)
        {
            return Empty(candidate, active.Number, "This is the active version: a shadow run replays its inputs against another version.");
        }

        await _log.FlushAsync(cancellationToken);
        var records = await _db.Invocations.AsNoTracking()
            .Where(r => r.VersionId == active.Id && r.InputJson != null)
            .OrderByDescending(r => r.StartedAt)
            .Take(count)
            .Select(r => new { r.Id, r.Target, r.StartedAt, r.InputJson })
            .ToListAsync(cancellationToken);
        if (records.Count == 0)
        {
            return Empty(candidate, active.Number,
                $"Version {active.Number} has no recorded inputs yet: they are recorded as it runs (ExtensibilityHost:Invocations:RecordInputs).");
        }

        var activeComponent = await LoadAsync(active, cancellationToken);
        var candidateComponent = await LoadAsync(candidate, cancellationToken);
        var inputs = new List<ShadowRunInput>(records.Count);
        foreach (var record in records)
        {
            var (target, arguments) = InvocationCapture.ReadInput(record.InputJson!);
            inputs.Add(new ShadowRunInput(
                record.Id, record.Target, target.ToString(), record.StartedAt, arguments.GetRawText(),
                await CallAsync(activeComponent, active, target, arguments),
                await CallAsync(candidateComponent, candidate, target, arguments)));
        }

        return new ShadowRun(candidate.Id, candidate.Number, active.Number, inputs, null);
    }

    private static ShadowRun Empty(ComponentVersion candidate, int? comparedWith, string note) =>
        new(candidate.Id, candidate.Number, comparedWith, [], note);

    private Task<CompiledComponent> LoadAsync(ComponentVersion version, CancellationToken cancellationToken) =>
        _cache.GetOrCompileAsync(version.Sha256, async ct =>
            await _store.ReadAsync(version.TenantId, version.Sha256, ct)
            ?? throw new InvalidOperationException($"The binary of {version.TenantId}/{version.ComponentName} version {version.Number} ({version.Sha256}) is missing from blob storage."),
            cancellationToken);

    private async Task<ShadowCall> CallAsync(CompiledComponent component, ComponentVersion version, InvocationTarget target, JsonElement arguments)
    {
        target = ContractResolution.Resolve(component, target, []).Target;
        var signature = _descriptions.SignatureOf(component, target);
        if (signature is null)
        {
            return NotRun($"version {version.Number} has no export '{target}'");
        }

        // A call recorded for one version of the event contract, replayed against another.
        arguments = EventHandlerCall.FitRecordedArguments(target, arguments, signature);

        IReadOnlyList<Wasmtime.Components.ComponentValue> values;
        try
        {
            values = WitJson.ArgumentsFromJson(arguments, signature);
        }
        catch (WitJsonException exception)
        {
            return NotRun($"version {version.Number} takes other arguments: {exception.Message}");
        }

        var context = new InvocationContext
        {
            TenantId = version.TenantId,
            ComponentName = version.ComponentName,
            Version = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IsShadow = true,
        };

        // A synchronous native call: on one of the tenant's execution slots, as every guest call (a
        // pending version may loop as well as any other).
        var result = await _scheduler.RunAsync(version.TenantId, () => _sandbox.Invoke(component, target, values, context), CancellationToken.None);
        var output = result.Output is { } value && signature.Result is { } type ? WitJson.ToJson(value, type) : null;
        return new ShadowCall(
            result.Outcome.ToWireName(), result.Trap?.ToWireName(), Math.Round(result.Duration.TotalMilliseconds, 3),
            result.FuelConsumed is { } fuel ? (long)Math.Min(fuel, long.MaxValue) : null, output, result.Error, result.Logs);
    }

    private static ShadowCall NotRun(string why) => new(ShadowCall.NotRun, null, 0, null, null, why, []);
}
