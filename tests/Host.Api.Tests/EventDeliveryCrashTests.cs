using System.Collections.Concurrent;
using System.Diagnostics;
using ExtensibilityHost.Core.Tenants;
using Microsoft.Data.Sqlite;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// 10,000 events published to an async subscriber whose handler is a real guest
/// (<c>event-handler.wat</c>), while the host process is killed with SIGKILL at random points — once
/// while publishing, then while delivering the backlog (and publishing the rest) — and restarted:
/// once the outbox has drained, every event id has exactly one outbox row, delivered; an acknowledged
/// publish kept its delivery id; a publish the kill left unanswered, sent again with its event id, got
/// the row it had written if any.
/// </summary>
/// <remarks>
/// Delivery is at least once: a delivery whose handler was running at the kill runs again once its
/// lease runs out (5 s here), which the figures count as duplicates — at most the attempts started
/// beyond the first, at least the events whose handler has two successful runs in the invocation log.
/// </remarks>
[Collection(CrashCollection.Name)]
public sealed class EventDeliveryCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Publishers = 8;
    private const string EventType = "order.placed";

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["ExtensibilityHost__RateLimit__PermitsPerSecond"] = "1000000",
        ["ExtensibilityHost__RateLimit__Burst"] = "1000000",

        // The benchmark's dispatcher settings (docs/performance.md), and leases that run out soon
        // after a kill.
        ["ExtensibilityHost__Events__PollInterval"] = "00:00:00.020",
        ["ExtensibilityHost__Events__BatchSize"] = "256",
        ["ExtensibilityHost__Events__MaxConcurrentDeliveries"] = "32",
        ["ExtensibilityHost__Events__LeaseDuration"] = "00:00:05",
        ["ExtensibilityHost__Invocations__MaxConcurrencyPerTenant"] = "64",

        // A call stopped by its deadline on a starved machine is retried soon, never dead-lettered,
        // and never suspends the handler: this test is about kills.
        ["ExtensibilityHost__Events__BackoffBase"] = "00:00:00.100",
        ["ExtensibilityHost__Events__BackoffMax"] = "00:00:01",
        ["ExtensibilityHost__Events__MaxAttempts"] = "100",
        ["ExtensibilityHost__Invocations__FailuresBeforeSuspension"] = "10000",
    };

    /// <summary>A node that only publishes: the outbox fills up.</summary>
    private static readonly Dictionary<string, string> PublishingOnly = new(Settings)
    {
        ["ExtensibilityHost__Events__RunDispatcher"] = "false",
    };

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("exthost-event-crash-");
    private readonly string _adminKey = ApiKeySecret.Generate().Key;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deliver_HostKilledDuringPublishingAndDelivery_EveryEventIdIsDeliveredAtLeastOnce()
    {
        var events = Soak.Scale(10_000, 50_000);
        var kills = Soak.Scale(3, 10);
        var seed = CrashSeed.Choose();
        var random = new Random(seed);
        var data = new HostData(_directory.FullName);
        var ledger = new Ledger(events);
        var clock = Stopwatch.StartNew();
        var figures = new List<string>();
        string tenant = "", key = "";
        var backlog = 0;
        try
        {
            for (var round = 0; round <= kills; round++)
            {
                // The first run only publishes, so the next ones start with a backlog to deliver and
                // every later kill finds deliveries in flight (a dispatcher that keeps pace with the
                // publishers is idle most of the time).
                var publishingOnly = round == 0;
                var starting = Stopwatch.StartNew();
                using var host = await HostProcess.StartAsync(data.Directory, _adminKey, publishingOnly ? PublishingOnly : Settings);
                var started = starting.Elapsed;
                var acknowledgedBefore = ledger.Acknowledged;
                var ready = Stopwatch.StartNew();
                if (round == 0)
                {
                    (tenant, key) = await SetUpAsync(host);
                }

                using var client = host.Client(key);
                var queue = new ConcurrentQueue<int>(Enumerable.Range(0, events).Where(i => ledger.DeliveryIds[i] is null));
                var publishers = Enumerable.Range(0, Publishers).Select(_ => Task.Run(() => PublishAsync(client, tenant, queue, ledger), Cancellation)).ToArray();
                if (round == kills)
                {
                    await Task.WhenAll(publishers);
                    var draining = Stopwatch.StartNew();
                    await WaitUntilDeliveredAsync(data, tenant, events, TimeSpan.FromMinutes(Soak.Scale(3, 15)));
                    figures.Add($"last start: {started.TotalSeconds:N1} s to start; every publish acknowledged; the outbox drained {draining.Elapsed.TotalSeconds:N1} s after the last one");
                    figures.Add(await AssertEveryEventDeliveredAsync(client, data, tenant, ledger));
                    break;
                }

                string when;
                if (publishingOnly)
                {
                    var target = (int)(events * (0.5 + (0.4 * random.NextDouble())));
                    await WaitUntilAcknowledgedAsync(ledger, target);
                    when = $"publishing (dispatcher off), at {ledger.Acknowledged:N0} publishes acknowledged (target {target:N0})";
                }
                else
                {
                    // Somewhere in this kill's share of the backlog.
                    var target = (int)(backlog * (round - 1 + 0.1 + (0.8 * random.NextDouble())) / (kills - 1));
                    var delivered = await WaitUntilDeliveredAsync(data, tenant, target, TimeSpan.FromMinutes(5), running: true);
                    when = $"delivering, at {delivered:N0} delivered (target {target:N0}) and {ledger.Acknowledged:N0} publishes acknowledged";
                }

                host.Kill();
                var ran = ready.Elapsed;
                await Task.WhenAll(publishers);
                backlog = publishingOnly ? ledger.Acknowledged : backlog;
                var (unanswered, committed) = await ClassifyUnansweredAsync(data, tenant, ledger);
                var (running, waiting) = await LeasedAsync(data, tenant);
                figures.Add($"kill {round + 1} after {started.TotalSeconds:N1} s to start and {ran.TotalSeconds:N1} s of work ({ledger.Acknowledged - acknowledgedBefore:N0} publishes acknowledged), while {when}: {unanswered} publishes unanswered "
                    + $"({committed} had written their row); deliveries leased: {running} started (their handler may have run), {waiting} claimed, not started");
            }
        }
        finally
        {
            output.WriteLine($"seed {seed} ({CrashSeed.Variable}={seed} repeats the choices), {events:N0} events, {kills} kills, {clock.Elapsed.TotalSeconds:N1} s");
            foreach (var line in figures)
            {
                output.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    /// <summary>A tenant with <c>event-handler.wat</c> approved and subscribed async to <see cref="EventType"/>.</summary>
    private async Task<(string Tenant, string Key)> SetUpAsync(HostProcess host)
    {
        using var admin = host.Client(_adminKey);
        var tenant = $"evcrash-{Guid.NewGuid():N}"[..20];
        using var created = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = tenant, name = tenant }, Cancellation);
        var key = (await TestApi.JsonAsync(created, HttpStatusCode.Created)).Str("apiKey");
        using var client = host.Client(key);
        var version = await client.UploadVersionAsync(tenant, "handler", Guests.Component("event-handler.wat"));
        await admin.DecideVersionAsync(version.Str("id"), "approve");
        using var subscribed = await client.PutAsJsonAsync(
            $"/api/v1/tenants/{tenant}/subscriptions/{EventType}", new { component = "handler", mode = "async" }, Cancellation);
        Assert.True(subscribed.IsSuccessStatusCode, await subscribed.Content.ReadAsStringAsync(Cancellation));
        return (tenant, key);
    }

    /// <summary>Publishes the queued events until there are none left or the host stops answering.</summary>
    private static async Task PublishAsync(HttpClient client, string tenant, ConcurrentQueue<int> queue, Ledger ledger)
    {
        while (queue.TryDequeue(out var i))
        {
            Guid deliveryId;
            try
            {
                using var response = await client.PostAsJsonAsync(
                    $"/api/v1/tenants/{tenant}/events",
                    new JsonObject { ["eventType"] = EventType, ["eventId"] = Ledger.EventId(i), ["payload"] = new JsonObject { ["n"] = i } },
                    Cancellation);
                var text = await response.Content.ReadAsStringAsync(Cancellation);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"event {i}: {(int)response.StatusCode} {text}");
                var published = JsonNode.Parse(text)!;
                Assert.Equal(Ledger.EventId(i), published.Str("eventId"));
                deliveryId = Guid.Parse(Assert.Single(published["deliveryIds"]!.AsArray())!.GetValue<string>());
            }
            catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
            {
                // Sent after the kill: it never reached the host, and is published after the restart.
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException)
            {
                // Killed while the host had it: whether its row was written is for the restart to tell.
                ledger.Unanswered.Add(i);
                return;
            }

            if (ledger.CommittedAtKill[i] is { } committed)
            {
                // Sent again after a kill that had left it unanswered: the row it wrote then is the answer.
                Assert.Equal(committed, deliveryId);
                Interlocked.Increment(ref ledger.RetriesGotTheirRow);
            }

            ledger.Acknowledge(i, deliveryId);
        }
    }

    /// <summary>Waits until <paramref name="target"/> publishes are acknowledged.</summary>
    private static async Task WaitUntilAcknowledgedAsync(Ledger ledger, int target)
    {
        var clock = Stopwatch.StartNew();
        while (ledger.Acknowledged < target)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(5), $"{ledger.Acknowledged} of {target} publishes acknowledged after 5 min");
            await Task.Delay(10, Cancellation);
        }
    }

    /// <summary>With the host dead: the deliveries it held leases on, started (an attempt counted) or only claimed.</summary>
    private static async Task<(long Started, long Claimed)> LeasedAsync(HostData data, string tenant)
    {
        const string Leased = "SELECT COUNT(*) FROM Outbox WHERE TenantId = @tenant AND Status = 'Pending' AND LeaseOwner IS NOT NULL";
        return (await data.CountAsync(Leased + " AND Attempts > 0", ("@tenant", tenant)),
            await data.CountAsync(Leased + " AND Attempts = 0", ("@tenant", tenant)));
    }

    /// <summary>
    /// Polls the outbox until <paramref name="target"/> of the tenant's deliveries are delivered and,
    /// when <paramref name="running"/>, a delivery is being run (started, not ended: a kill now
    /// interrupts it); returns how many are delivered.
    /// </summary>
    private static async Task<long> WaitUntilDeliveredAsync(HostData data, string tenant, int target, TimeSpan limit, bool running = false)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (delivered, started) = (await data.QueryAsync(
                "SELECT COUNT(*) FILTER (WHERE Status = 'Delivered'), COUNT(*) FILTER (WHERE Status = 'Pending' AND LeaseOwner IS NOT NULL AND Attempts > 0) "
                + "FROM Outbox WHERE TenantId = @tenant",
                r => (r.GetInt64(0), r.GetInt64(1)),
                ("@tenant", tenant))).Single();
            if (delivered >= target && (!running || started > 0))
            {
                return delivered;
            }

            Assert.True(clock.Elapsed < limit, $"{delivered} of {target} delivered after {limit}");
            await Task.Delay(running && delivered >= target ? 1 : 20, Cancellation);
        }
    }

    /// <summary>With the host dead: which unanswered publishes wrote their outbox row (their retry must get it back).</summary>
    private static async Task<(int Unanswered, int Committed)> ClassifyUnansweredAsync(HostData data, string tenant, Ledger ledger)
    {
        var unanswered = ledger.Unanswered.ToList();
        ledger.Unanswered.Clear();
        var committed = 0;
        foreach (var i in unanswered)
        {
            var rows = await data.QueryAsync(
                "SELECT Id FROM Outbox WHERE TenantId = @tenant AND EventId = @event",
                r => Guid.Parse(r.GetString(0)),
                ("@tenant", tenant), ("@event", Ledger.EventId(i)));
            ledger.CommittedAtKill[i] = rows.Count == 0 ? null : Assert.Single(rows);
            committed += rows.Count;
        }

        ledger.UnansweredTotal += unanswered.Count;
        return (unanswered.Count, committed);
    }

    /// <summary>
    /// One outbox row per event id, each delivered, acknowledged ones with the id they were
    /// acknowledged with; the duplicates counted from the attempts and from the invocation log.
    /// </summary>
    private static async Task<string> AssertEveryEventDeliveredAsync(HttpClient client, HostData data, string tenant, Ledger ledger)
    {
        var rows = await data.QueryAsync(
            "SELECT EventId, Id, Status, Attempts FROM Outbox WHERE TenantId = @tenant",
            r => (EventId: r.GetString(0), Id: Guid.Parse(r.GetString(1)), Status: r.GetString(2), Attempts: r.GetInt32(3)),
            ("@tenant", tenant));
        Assert.Equal(Enumerable.Range(0, ledger.Events).Select(Ledger.EventId), rows.Select(r => r.EventId).Order(StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("Delivered", r.Status));
        var byEvent = rows.ToDictionary(r => r.EventId, StringComparer.Ordinal);
        for (var i = 0; i < ledger.Events; i++)
        {
            Assert.Equal(ledger.DeliveryIds[i], byEvent[Ledger.EventId(i)].Id);
        }

        // Through the API too, for a few: the delivery, delivered, with its event id.
        foreach (var i in new[] { 0, ledger.Events / 2, ledger.Events - 1 })
        {
            var delivery = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/deliveries/{ledger.DeliveryIds[i]}");
            Assert.Equal(("delivered", Ledger.EventId(i)), (delivery.Str("status"), delivery.Str("eventId")));
        }

        // Reading the log writes the node's queued records first.
        await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?limit=1");
        var runs = await data.QueryAsync(
            "SELECT EventId, COUNT(*) FROM Invocations WHERE TenantId = @tenant AND EventId IS NOT NULL AND Outcome = 'ok' GROUP BY EventId",
            r => r.GetInt32(1),
            ("@tenant", tenant));
        var retriedAttempts = rows.Sum(r => r.Attempts - 1);
        return $"events: {ledger.Events:N0} published; {ledger.UnansweredTotal} publishes unanswered at the kills, sent again with their event id: "
            + $"{ledger.RetriesGotTheirRow} had written their row before the kill and got its delivery id back, the others a new row; "
            + $"{rows.Count:N0} delivered, each event id once in the outbox, 0 lost\n"
            + $"duplicates: at most {retriedAttempts} (attempts started beyond the first, on {rows.Count(r => r.Attempts > 1)} deliveries), "
            + $"at least {runs.Count(n => n > 1)} (events with two or more successful runs recorded; "
            + $"{runs.Sum():N0} successful runs recorded for {runs.Count:N0} events — the records of the runs just before a kill, still queued, are lost with it)";
    }

    /// <summary>What the test knows about each event: its acknowledged delivery id, and what a kill left.</summary>
    private sealed class Ledger(int events)
    {
        private int _acknowledged;

        public int Events { get; } = events;

        /// <summary>The delivery id each event's publish was acknowledged with; null while unacknowledged.</summary>
        public Guid?[] DeliveryIds { get; } = new Guid?[events];

        /// <summary>For a publish the last kill left unanswered: the outbox row it had written, if any.</summary>
        public Guid?[] CommittedAtKill { get; } = new Guid?[events];

        public ConcurrentBag<int> Unanswered { get; } = [];

        public int Acknowledged => Volatile.Read(ref _acknowledged);

        public int UnansweredTotal { get; set; }

        public int RetriesGotTheirRow;

        public static string EventId(int i) => $"evt-{i:D6}";

        public void Acknowledge(int i, Guid deliveryId)
        {
            DeliveryIds[i] = deliveryId;
            Interlocked.Increment(ref _acknowledged);
        }
    }
}
