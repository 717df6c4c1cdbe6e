using System.Threading.Channels;
using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Invocations.Json;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Invocations.Running;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>
/// Writes invocations to the log and feeds the circuit breaker, in batches: calls queue their
/// record on a bounded channel and one writer commits whatever has queued in one transaction of
/// its own (a fresh scope and context, so a caller's unit of work or transaction is never
/// involved and a rollback there cannot lose the record of code that did run).
/// </summary>
/// <remarks>
/// <para>A success returns as soon as its record is queued: its row may be written after the
/// caller's response, and a process that dies loses at most the records not yet committed (the
/// batch being written and those queued behind it). A failure waits for its batch to commit, so
/// the breaker's count — and a suspension — are in the database before the failing call returns.
/// Records are written in the order they were queued, so "in a row" means what it says on a node.</para>
/// <para>Readers of the log on this node call <see cref="FlushAsync"/> first and see every record
/// of a call that has returned. Stopping the host (<see cref="StopAsync"/>) writes what is queued.</para>
/// </remarks>
internal sealed partial class InvocationLogWriter : IHostedService, IAsyncDisposable, IDisposable
{
    private static readonly TimeSpan[] s_retryDelays = [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    private readonly CircuitBreaker _breaker;
    private readonly HostChanges _changes;
    private readonly ComponentDescriptions _descriptions;
    private readonly InvocationCapture _capture;
    private readonly IOptions<InvocationOptions> _options;
    private readonly TimeProvider _time;
    private readonly ILogger<InvocationLogWriter> _logger;
    private readonly Channel<LogEntry> _queue;
    private readonly CancellationTokenSource _stopping = new();
    private readonly WriterLoop _loop = new();
    private readonly WriterContext _context;
    private TaskCompletionSource _urgent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _pending;
    private int _disposed;

    public InvocationLogWriter(
        IServiceScopeFactory scopes,
        CircuitBreaker breaker,
        HostChanges changes,
        ComponentDescriptions descriptions,
        InvocationCapture capture,
        IOptions<InvocationOptions> options,
        SqliteWriteGate writeGate,
        TimeProvider time,
        ILogger<InvocationLogWriter> logger)
    {
        _context = new WriterContext(scopes, writeGate);
        _breaker = breaker;
        _changes = changes;
        _descriptions = descriptions;
        _capture = capture;
        _options = options;
        _time = time;
        _logger = logger;
        _queue = Channel.CreateBounded<LogEntry>(new BoundedChannelOptions(options.Value.LogQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>
    /// Queues the invocation's row; for a failure, waits until it and the breaker's count are
    /// committed. The row itself (with its input and output captured, redacted and capped as
    /// configured) is built by the writer, off the caller's path.
    /// </summary>
    public async Task WriteAsync(
        Guid id, PreparedExtension extension, ExtensionRunRequest request, InvocationResult invocation, DateTime startedAt, CancellationToken cancellationToken)
    {
        var failed = _breaker.CountsAsFailure(invocation.Outcome);
        var entry = new LogEntry(
            new PendingRecord(id, extension, request, invocation, startedAt, _descriptions.SignatureOf(extension.Component, request.Target)), failed,
            failed ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null);
        await EnqueueAsync(entry, cancellationToken);
        if (entry.Committed is { } committed)
        {
            await committed.Task;
        }
    }

    /// <summary>Waits until every record queued before this call is written (or given up on).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Read(ref _pending) == 0)
        {
            return;
        }

        var marker = new LogEntry(null, false, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await EnqueueAsync(marker, cancellationToken);
        await marker.Committed!.Task.WaitAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Stops taking records into the queue (later ones are written one by one) and writes what is queued.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (Volatile.Read(ref _disposed) == 0)
        {
            await _stopping.CancelAsync();
        }

        await _loop.Completion.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        try
        {
            await StopAsync(CancellationToken.None);
        }
        catch (ObjectDisposedException)
        {
            // The container is already gone: what was queued cannot be written any more.
            LogLost(Interlocked.Read(ref _pending), "the host was disposed before it was stopped");
        }

        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _context.DisposeAsync();
            _stopping.Dispose();
        }
    }

    /// <summary>For containers disposed synchronously: the same as <see cref="DisposeAsync"/>, waited for.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async ValueTask EnqueueAsync(LogEntry entry, CancellationToken cancellationToken)
    {
        _loop.EnsureStarted(WriteQueuedAsync);
        Interlocked.Increment(ref _pending);
        try
        {
            // The queue is bounded: when the database falls behind, calls wait here instead of
            // growing the host's memory without bound.
            await _queue.Writer.WriteAsync(entry, entry.Committed is null ? CancellationToken.None : cancellationToken);
            if (entry.Committed is not null)
            {
                Volatile.Read(ref _urgent).TrySetResult();
            }
        }
        catch (ChannelClosedException)
        {
            // Stopping: write this one now, on the caller's time.
            await WriteBatchAsync([entry]);
        }
        catch
        {
            Interlocked.Decrement(ref _pending);
            throw;
        }
    }


    private async Task WriteQueuedAsync()
    {
        var reader = _queue.Reader;
        var batchSize = _options.Value.LogBatchSize;
        List<LogEntry> batch = new(batchSize);
        while (await reader.WaitToReadAsync())
        {
            if (_options.Value.LogBatchDelay > TimeSpan.Zero && !_stopping.IsCancellationRequested)
            {
                // Records gather for the delay, unless someone waits for a commit (a failure, a
                // flush) or the host is stopping: then what is queued is written at once.
                var delay = Task.Delay(_options.Value.LogBatchDelay, _time, _stopping.Token);
                await Task.WhenAny(delay, Volatile.Read(ref _urgent).Task);
            }

            Volatile.Write(ref _urgent, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

            while (batch.Count < batchSize && reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await WriteBatchAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteBatchAsync(List<LogEntry> batch)
    {
        var records = batch.Where(e => e.Record is not null).Select(e => (Row: Build(e.Record!), e.Failed)).ToList();
        Exception? failure = null;
        for (var attempt = 0; records.Count > 0; attempt++)
        {
            try
            {
                foreach (var suspended in await CommitAsync(records))
                {
                    LogSuspended(suspended.TenantId, suspended.ComponentName, suspended.VersionNumber, suspended.Outcome);
                }

                failure = null;
                break;
            }
            catch (Exception e) when (e is not OutOfMemoryException && attempt < s_retryDelays.Length)
            {
                failure = e;
                await Task.Delay(s_retryDelays[attempt], _time);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = e;
                LogBatchFailed(records.Count, e);
                break;
            }
        }

        Interlocked.Add(ref _pending, -batch.Count);
        foreach (var entry in batch)
        {
            if (failure is not null && entry.Record is not null)
            {
                entry.Committed?.TrySetException(failure);
            }
            else
            {
                entry.Committed?.TrySetResult();
            }
        }
    }

    /// <summary>Inserts the batch's rows and feeds the breaker in their order, in one transaction.</summary>
    /// <returns>The records whose failure suspended their version.</returns>
    private Task<List<InvocationRecord>> CommitAsync(List<(InvocationRecord Row, bool Failed)> records) =>
        _context.RunAsync(db => CommitAsync(db, records));

    private async Task<List<InvocationRecord>> CommitAsync(HostDbContext db, List<(InvocationRecord Row, bool Failed)> records)
    {

        // SQL Server is registered with a retrying execution strategy, which only accepts
        // transactions run as one retriable unit.
        var suspended = await db.Database.CreateExecutionStrategy().ExecuteAsync(
            (Db: db, Records: records, Breaker: _breaker, Changes: _changes),
            static async (_, state, ct) =>
            {
                state.Db.ChangeTracker.Clear();
                await using var transaction = await state.Db.Database.BeginTransactionAsync(ct);
                var rows = state.Records.ConvertAll(e => e.Row);
                if (SqliteBatchInsert.Applies(state.Db))
                {
                    SqliteBatchInsert.Insert(state.Db, rows, ct);
                }
                else
                {
                    state.Db.Invocations.AddRange(rows);
                    await state.Db.SaveChangesAsync(ct);
                    state.Db.ChangeTracker.Clear();
                }

                // One success resets a version's count; consecutive successes are one reset, and
                // a failure after a success resets before it counts.
                HashSet<Guid> succeeded = [];
                List<InvocationRecord> suspended = [];
                foreach (var entry in state.Records)
                {
                    if (entry.Row.VersionId is not { } versionId)
                    {
                        continue;
                    }

                    if (!entry.Failed)
                    {
                        succeeded.Add(versionId);
                        continue;
                    }

                    if (succeeded.Remove(versionId))
                    {
                        await CircuitBreaker.ResetAsync(state.Db, [versionId], ct);
                    }

                    if (await state.Breaker.RecordFailureAsync(state.Db, entry.Row, ct))
                    {
                        suspended.Add(entry.Row);
                    }
                }

                if (succeeded.Count > 0)
                {
                    await CircuitBreaker.ResetAsync(state.Db, succeeded, ct);
                }

                if (suspended.Count > 0)
                {
                    await state.Changes.StampAsync(state.Db, ct);
                }

                await transaction.CommitAsync(ct);
                return suspended;
            },
            verifySucceeded: null,
            CancellationToken.None);

        if (suspended.Count > 0)
        {
            _changes.Invalidate();
        }

        return suspended;
    }

    private InvocationRecord Build(PendingRecord pending)
    {
        var (id, extension, request, invocation, startedAt, signature) = pending;
        return InvocationRecordFactory.Create(
            id, extension, request, invocation, startedAt,
            _capture.Input(request.Target, request.Arguments, signature), _capture.Output(invocation.Output, signature));
    }

    /// <summary>
    /// What a row is built from. The signature is looked up by the caller: the compiled component
    /// may leave the cache before the writer gets to the row; the extension's other facts are plain values.
    /// </summary>
    private sealed record PendingRecord(
        Guid Id, PreparedExtension Extension, ExtensionRunRequest Request, InvocationResult Invocation, DateTime StartedAt, ComponentFunctionSignature? Signature);

    /// <summary>A queued record (or, without one, a flush marker) and, when its caller waits, the signal of its commit.</summary>
    private sealed record LogEntry(PendingRecord? Record, bool Failed, TaskCompletionSource? Committed);
}
