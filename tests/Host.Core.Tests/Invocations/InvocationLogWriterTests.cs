using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations.Log;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Tests.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core.Tests.Invocations;

/// <summary>
/// The batched invocation log, with records held back 30 s (<c>LogBatchDelay</c>): a success's
/// record may come after its call returns, a failure's never does, readers and a stopping host
/// write what is queued.
/// </summary>
[Collection(EventsCollection.Name)]
public sealed class InvocationLogWriterTests(EventsFixture fixture) : IAsyncLifetime
{
    private const string Tenant = "acme";
    private static readonly Dictionary<string, string?> HeldBack = new() { ["ExtensibilityHost:Invocations:LogBatchDelay"] = "00:00:30" };
    private EmbeddedHost _host = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _host = await fixture.StartHostAsync(HeldBack);
        await _host.SeedAsync(Tenant, "handler", fixture.Guest("event-handler"));
        await _host.SeedAsync(Tenant, "trap", fixture.Guest("unreachable"));
    }

    [Fact]
    public async Task Success_ReturnsBeforeItsRecordIsWritten_AFlushWritesIt()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Sync);

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), Cancellation);

        var id = result.Decisions.Single().InvocationId!.Value;
        Assert.Equal(0, await RecordsWithoutFlushAsync(_host, id));
        await _host.Get<InvocationLogWriter>().FlushAsync(Cancellation);
        Assert.Equal(1, await RecordsWithoutFlushAsync(_host, id));
    }

    [Fact]
    public async Task Failure_IsWrittenWithTheBreakersCountBeforeTheCallReturns()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "trap", SubscriptionMode.Sync);

        var result = await _host.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), Cancellation);

        var decision = result.Decisions.Single();
        Assert.Equal(SyncDecisionKind.Failed, decision.Decision);
        Assert.Equal(1, await RecordsWithoutFlushAsync(_host, decision.InvocationId!.Value));
        await using var scope = _host.Services.CreateAsyncScope();
        var failures = await scope.ServiceProvider.GetRequiredService<HostDbContext>().Versions
            .Where(v => v.TenantId == Tenant && v.ComponentName == "trap").Select(v => v.ConsecutiveFailures).SingleAsync(Cancellation);
        Assert.Equal(1, failures);
    }

    [Fact]
    public async Task Stop_WritesTheQueuedRecords()
    {
        await _host.SubscribeAsync(Tenant, "order.placed", "handler", SubscriptionMode.Sync);
        var node = await fixture.StartHostAsync(HeldBack, sharedDataDirectory: _host.DataDirectory, clock: _host.Clock);
        List<Guid> ids = [];
        for (var i = 0; i < 3; i++)
        {
            var result = await node.PublishAsync(new DomainEvent(Tenant, "order.placed", "{}"), Cancellation);
            ids.Add(result.Decisions.Single().InvocationId!.Value);
        }

        Assert.Equal(0, await RecordsWithoutFlushAsync(_host, [.. ids]));
        await node.DisposeAsync();

        Assert.Equal(3, await RecordsWithoutFlushAsync(_host, [.. ids]));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    /// <summary>Counts the records straight from the database, without flushing any node's queue.</summary>
    private static async Task<int> RecordsWithoutFlushAsync(EmbeddedHost host, params Guid[] ids)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HostDbContext>().Invocations.CountAsync(i => ids.Contains(i.Id), Cancellation);
    }
}
