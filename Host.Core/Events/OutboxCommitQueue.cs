using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Group commit of outbox rows published outside any caller transaction: publishers queue their
/// event's rows and wait; one writer commits whatever has queued in one transaction (the retry
/// check for every queued event id in one query, the new rows in one prepared statement) and
/// answers each publisher. A publisher returns only once its rows are committed: an acknowledged
/// event is never lost. Used on SQLite, whose single writer makes one transaction per event the
/// bottleneck; SQL Server takes concurrent small transactions as they come.
/// </summary>
internal sealed class OutboxCommitQueue(IServiceScopeFactory scopes, SqliteWriteGate writeGate, TimeProvider time) : IAsyncDisposable, IDisposable
{
    private const int MaxBatch = 512;

    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WriterLoop _loop = new();
    private readonly WriterContext _context = new(scopes, writeGate);

    /// <summary>Commits the event's rows (or finds those a retry of the same event id already wrote) and returns their ids, in subscription order.</summary>
    public async Task<IReadOnlyList<Guid>> WriteAsync(
        DomainEvent domainEvent, string payload, IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken)
    {
        var request = new Request(domainEvent, payload, subscriptions, new TaskCompletionSource<IReadOnlyList<Guid>>(TaskCreationOptions.RunContinuationsAsynchronously));
        _loop.EnsureStarted(WriteQueuedAsync);
        if (!_queue.Writer.TryWrite(request))
        {
            // Stopping: commit this one on the caller's time.
            await CommitAloneAsync(request);
        }

        // Not cancellable once queued: the rows may be committed whether or not the caller still waits.
        return await request.Committed.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.Completion;

        await _context.DisposeAsync();
    }

    /// <summary>For containers disposed synchronously: the same as <see cref="DisposeAsync"/>, waited for.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();


    private async Task WriteQueuedAsync()
    {
        List<Request> batch = new(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var request))
            {
                batch.Add(request);
            }

            try
            {
                await CommitAsync(batch);
            }
            catch (Exception) when (batch.Count > 1)
            {
                // One event id may have been published concurrently elsewhere (the unique index
                // refused the batch): each on its own, so one conflict fails no other event.
                foreach (var request in batch)
                {
                    await CommitAloneAsync(request);
                }
            }
            catch (Exception e)
            {
                batch[0].Committed.TrySetException(e);
            }

            batch.Clear();
        }
    }

    private async Task CommitAloneAsync(Request request)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CommitAsync([request]);
                return;
            }
            catch (Exception) when (attempt == 1)
            {
                // Once more: a concurrent publish of the same event id elsewhere has committed by
                // now, and its rows are this one's answer.
            }
            catch (Exception e)
            {
                request.Committed.TrySetException(e);
                return;
            }
        }
    }

    private Task CommitAsync(List<Request> batch) => _context.RunAsync(db => CommitAsync(db, batch));

    private async Task CommitAsync(HostDbContext db, List<Request> batch)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();

        // Publishing the same event again (a retried operation) must not deliver it twice: rows
        // already written for an event id are the answer for their subscriptions.
        var existing = await ExistingAsync(db, transaction.GetDbTransaction(), batch.Select(r => r.Event.EventId).Distinct().ToList());

        var now = time.GetUtcNow().UtcDateTime;
        List<OutboxDelivery> rows = [];
        List<IReadOnlyList<Guid>> answers = [];
        foreach (var request in batch)
        {
            List<Guid> ids = [];
            foreach (var subscription in request.Subscriptions)
            {
                if (!existing.TryGetValue((request.Event.EventId, subscription.Id), out var id))
                {
                    var row = OutboxWriter.Row(request.Event, request.Payload, subscription, now);
                    rows.Add(row);
                    existing[(request.Event.EventId, subscription.Id)] = id = row.Id;
                }

                ids.Add(id);
            }

            answers.Add(ids);
        }

        SqliteBatchInsert.Insert(db, rows, CancellationToken.None);
        await transaction.CommitAsync();
        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Committed.TrySetResult(answers[i]);
        }
    }

    /// <summary>
    /// The rows already written for these event ids, by (event id, subscription id): one indexed
    /// read, as plain SQL — on the hot path, EF's query pipeline costs more than the read itself.
    /// </summary>
    private static async Task<Dictionary<(string EventId, Guid SubscriptionId), Guid>> ExistingAsync(
        HostDbContext db, DbTransaction transaction, List<string> eventIds)
    {
        var table = db.Model.FindEntityType(typeof(OutboxDelivery))!.GetTableName();
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        var names = new string[eventIds.Count];
        for (var i = 0; i < eventIds.Count; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = names[i] = "@e" + i.ToString(CultureInfo.InvariantCulture);
            parameter.Value = eventIds[i];
            command.Parameters.Add(parameter);
        }

        command.CommandText =
            $"SELECT \"{nameof(OutboxDelivery.EventId)}\", \"{nameof(OutboxDelivery.SubscriptionId)}\", \"{nameof(OutboxDelivery.Id)}\" "
            + $"FROM \"{table}\" WHERE \"{nameof(OutboxDelivery.EventId)}\" IN ({string.Join(", ", names)})";
        Dictionary<(string, Guid), Guid> rows = [];
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows[(reader.GetString(0), Guid.Parse(reader.GetString(1)))] = Guid.Parse(reader.GetString(2));
        }

        return rows;
    }

    private sealed record Request(DomainEvent Event, string Payload, IReadOnlyList<Subscription> Subscriptions, TaskCompletionSource<IReadOnlyList<Guid>> Committed);
}
