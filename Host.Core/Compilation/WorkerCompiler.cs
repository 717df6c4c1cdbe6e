using System.Diagnostics;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Versions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Compilation;

/// <summary>
/// Compiles uploads in compile workers (<see cref="CompileWorker"/>) under the upload's budgets: a
/// worker is killed when a compilation runs past <see cref="UploadOptions.CompileTimeout"/> or its
/// resident memory passes <see cref="UploadOptions.CompileMemoryBytes"/>. Wasmtime offers neither
/// bound in-process — Cranelift cannot be interrupted, and what it allocates is the process's — so
/// a process is the unit that can be stopped and whose memory is given back at once.
/// </summary>
/// <remarks>
/// The artifact a worker writes is loaded only when the worker's engine fingerprint is this
/// engine's, so a worker of another build or configuration is an error, never a silently
/// incompatible artifact; Wasmtime checks the artifact's compatibility again when loading it.
/// </remarks>
internal sealed partial class WorkerCompiler : IComponentCompiler, IDisposable
{
    /// <summary>How often the worker's resident memory is read: a compilation can overshoot the budget by what it allocates in this time.</summary>
    private static readonly TimeSpan MemoryPollInterval = TimeSpan.FromMilliseconds(20);

    private const long MiB = 1024 * 1024;

    private readonly SandboxEngine _engine;
    private readonly IOptions<UploadOptions> _options;
    private readonly ILogger<WorkerCompiler> _logger;
    private readonly CompileWorkerPool _pool;

    public WorkerCompiler(SandboxEngine engine, CompileWorkerCommand command, IOptions<UploadOptions> options, ILogger<WorkerCompiler> logger)
    {
        _engine = engine;
        _options = options;
        _logger = logger;
        _pool = new CompileWorkerPool(command, CompileWorkerProtocol.EncodeEngineSettings(engine.Options));
    }

    /// <exception cref="InvalidOperationException">The worker could not be started, exited without an answer, or answered for another engine.</exception>
    public async Task<CompileResult> CompileAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        // The worker compiles what SandboxEngine.Compile would: a capability's rewrite of the binary
        // (the key-value wrapper), under the original's hash; a rewrite that does not compile is
        // dropped and the original's own verdict counts.
        var sha256 = ComponentHash.Of(bytes.Span);
        var adapted = _engine.Adapt(bytes.Span);
        var result = await CompileOnceAsync(adapted ?? bytes, sha256, cancellationToken);
        return adapted is not null && result.LoadError is not null ? await CompileOnceAsync(bytes, sha256, cancellationToken) : result;
    }

    private async Task<CompileResult> CompileOnceAsync(ReadOnlyMemory<byte> bytes, string sha256, CancellationToken cancellationToken)
    {
        var timeout = _options.Value.CompileTimeout;
        var memoryLimit = _options.Value.CompileMemoryBytes;
        var started = Stopwatch.GetTimestamp();
        var worker = await _pool.RentAsync(cancellationToken);
        var keep = false;
        try
        {
            var run = await CompileWithinBudgetAsync(worker, bytes, timeout - Stopwatch.GetElapsedTime(started), memoryLimit, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            cancellationToken.ThrowIfCancellationRequested();
            var peak = Math.Max(run.PeakSeen, run.Answer?.Reply.PeakMemoryBytes ?? 0);
            if (run.OverMemory || run.Answer is null && run.TimedOut)
            {
                var exceeded = new CompileBudgetExceeded
                {
                    Budget = run.OverMemory ? CompileBudget.Memory : CompileBudget.Time,
                    Timeout = timeout,
                    MemoryBytes = memoryLimit,
                    Elapsed = elapsed,
                    PeakMemoryBytes = peak,
                };
                LogBudgetExceeded(sha256, exceeded.Budget, (long)elapsed.TotalMilliseconds, peak / MiB);
                return new CompileResult { BudgetExceeded = exceeded };
            }

            if (run.Answer is not { } answer)
            {
                worker.Kill();
                throw new InvalidOperationException($"The compile worker ended without an answer ({await worker.DescribeExitAsync()}).");
            }

            if (!string.Equals(answer.Reply.Fingerprint, _engine.Fingerprint, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"The compile worker's engine is {answer.Reply.Fingerprint}, this host's is {_engine.Fingerprint}: it runs another build or configuration.");
            }

            keep = true;
            if (answer.Reply.Error is { } refusal)
            {
                LogRefused(sha256, (long)elapsed.TotalMilliseconds, peak / MiB);
                return new CompileResult { LoadError = ComponentLoadError.FromCompileFailure(refusal) };
            }

            LogCompiled(sha256, bytes.Length, (long)elapsed.TotalMilliseconds, (long)answer.Reply.CompileMilliseconds, peak / MiB);
            return new CompileResult
            {
                Compiled = _engine.Wrap(sha256, Component.Deserialize(_engine.Engine, answer.Artifact)),
                Artifact = answer.Artifact,
            };
        }
        finally
        {
            if (keep)
            {
                _pool.Return(worker);
            }
            else
            {
                worker.Dispose();
            }
        }
    }

    /// <summary>Stops the idle workers.</summary>
    public void Dispose() => _pool.Dispose();

    /// <summary>
    /// Runs one compilation on <paramref name="worker"/>, killing it when <paramref name="timeLeft"/>
    /// runs out, its memory passes <paramref name="memoryLimit"/>, or the caller gives up.
    /// </summary>
    private static async Task<BudgetedRun> CompileWithinBudgetAsync(
        CompileWorkerProcess worker, ReadOnlyMemory<byte> bytes, TimeSpan timeLeft, long memoryLimit, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var watching = new CancellationTokenSource();
        budget.CancelAfter(timeLeft > TimeSpan.Zero ? timeLeft : TimeSpan.Zero);
        var memory = WatchMemoryAsync(worker, memoryLimit, budget, watching.Token);
        (CompileWorkerReply Reply, byte[] Artifact)? answer = null;
        // Killing the worker ends its pipes, so the exchange below returns at once.
        var kill = budget.Token.Register(worker.Kill);
        try
        {
            answer = await worker.CompileAsync(bytes, budget.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or InvalidDataException)
        {
            // Killed at a budget or for the caller, or it died: the caller tells which.
        }
        finally
        {
            // Before the worker can go back to the pool: a budget firing from now on must not kill it there.
            await kill.DisposeAsync();
            await watching.CancelAsync();
        }

        var (peak, overMemory) = await memory;
        return new BudgetedRun(answer, peak, overMemory, TimedOut: budget.IsCancellationRequested && !overMemory && !cancellationToken.IsCancellationRequested);
    }

    /// <summary>Reads the worker's resident memory until <paramref name="stopped"/>; cancels <paramref name="budget"/> (killing it) once it is over <paramref name="limit"/>.</summary>
    private static async Task<(long Peak, bool OverLimit)> WatchMemoryAsync(
        CompileWorkerProcess worker, long limit, CancellationTokenSource budget, CancellationToken stopped)
    {
        long peak = 0;
        using var timer = new PeriodicTimer(MemoryPollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopped) && worker.ReadResidentBytes() is { } resident)
            {
                peak = Math.Max(peak, resident);
                if (resident > limit)
                {
                    await budget.CancelAsync();
                    return (peak, true);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The exchange is over.
        }

        return (peak, false);
    }

    /// <summary>One compilation under budget: the answer (null when the worker was killed or died), the most memory seen, and what stopped it.</summary>
    private readonly record struct BudgetedRun((CompileWorkerReply Reply, byte[] Artifact)? Answer, long PeakSeen, bool OverMemory, bool TimedOut);
}
