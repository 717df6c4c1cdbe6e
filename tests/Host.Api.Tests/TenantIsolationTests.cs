using System.Text;
using System.Text.Json;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Tenant A, seeded once through the API with data in every tenant-owned table: three approved
/// components (<c>audit</c> async and <c>gate</c> sync subscribers of <c>order.placed</c>, <c>echo</c>
/// bound to both extension points), a published event whose delivery was delivered, a second
/// delivery that is dead-lettered (so a replay would visibly change it), an admin-set setting, an
/// admin-set outbound-http allow-list, a key-value entry and invocations of every kind. Tenant B has a key and nothing else. The
/// snapshot is every row of tenant A in every tenant-owned table, taken right after seeding.
/// </summary>
public sealed class TenantIsolationSeed(RuntimeApiFixture runtime) : IAsyncLifetime
{
    public const string EventType = "order.placed";

    public string TenantA { get; private set; } = "";

    public string TenantB { get; private set; } = "";

    public HttpClient ClientB { get; private set; } = null!;

    public string AuditVersionId { get; private set; } = "";

    public string GateVersionId { get; private set; } = "";

    public string EchoVersionId { get; private set; } = "";

    public string EventId { get; private set; } = "";

    public Guid DeliveryId { get; private set; }

    public Guid DeadLetterId { get; private set; }

    public Guid SubscriptionId { get; private set; }

    public Guid KeyIdA { get; private set; }

    /// <summary>Tenant A's call of <c>echo.closed</c>, with its recorded input and output.</summary>
    public Guid InvocationId { get; private set; }

    public TenantSnapshot SnapshotA { get; private set; } = null!;

    public TenantSnapshot SnapshotB { get; private set; } = null!;

    private ApiHost Host => runtime.Host;

    public async ValueTask InitializeAsync()
    {
        var (tenantA, clientA) = await Host.CreateTenantAsync("iso-a");
        using var _ = clientA;
        (TenantB, ClientB) = await Host.CreateTenantAsync("iso-b");
        TenantA = tenantA;
        using var admin = Host.Admin();

        AuditVersionId = await runtime.DeployAsync(tenantA, clientA, "audit", RuntimeApiFixture.Wat("event-handler"));
        GateVersionId = await runtime.DeployAsync(tenantA, clientA, "gate", RuntimeApiFixture.Wat("event-handler"));
        EchoVersionId = await runtime.DeployAsync(tenantA, clientA, "echo", RuntimeApiFixture.Wat("point-echo"));

        SubscriptionId = (await SubscribeAsync(clientA, tenantA, "audit", "async")).GetValue<Guid>();
        await SubscribeAsync(clientA, tenantA, "gate", "sync");

        var first = await PublishAsync(clientA, tenantA, new JsonObject { ["order"] = 1 });
        EventId = first.Str("eventId");
        DeliveryId = first["deliveryIds"]!.AsArray().Single()!.GetValue<Guid>();
        var second = await PublishAsync(clientA, tenantA, new JsonObject { ["order"] = 2 });
        DeadLetterId = second["deliveryIds"]!.AsArray().Single()!.GetValue<Guid>();
        await WaitForDeliveredAsync(clientA, tenantA, DeliveryId, first.Str("eventId"));
        await WaitForDeliveredAsync(clientA, tenantA, DeadLetterId, second.Str("eventId"));

        // A dead letter takes 8 failed attempts with backoff (minutes); mark the delivered one
        // dead-lettered instead, so a replay through another tenant's key would change it. The
        // dispatcher only picks pending deliveries, so it stays as it is.
        await Host.WithDbAsync(db => db.Deliveries.IgnoreQueryFilters()
            .Where(d => d.Id == DeadLetterId)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, DeliveryStatus.DeadLettered)
                .SetProperty(d => d.LastError, "seeded dead letter"), TestContext.Current.CancellationToken));

        await RuntimeApiFixture.BindAsync(clientA, tenantA, "echo.open", "echo");
        await RuntimeApiFixture.BindAsync(clientA, tenantA, "echo.closed", "echo");
        using (var point = await RuntimeApiFixture.InvokePointAsync(clientA, tenantA, "echo.closed", new JsonObject { ["n"] = 1 }))
        {
            InvocationId = (await TestApi.JsonAsync(point, HttpStatusCode.OK))["invocationId"]!.GetValue<Guid>();
        }

        using (var typed = await clientA.PostAsJsonAsync(
            $"/api/v1/tenants/{tenantA}/components/audit/{TenantIsolationTests.HandleRoute}", TenantIsolationTests.HandleArgs(),
            TestContext.Current.CancellationToken))
        {
            await TestApi.JsonAsync(typed, HttpStatusCode.OK);
        }

        using (var setting = await admin.PutAsJsonAsync(
            $"/api/v1/admin/tenants/{tenantA}/components/audit/settings/greeting", new { value = "hello from A" },
            TestContext.Current.CancellationToken))
        {
            await TestApi.JsonAsync(setting, HttpStatusCode.Created);
        }

        using (var origins = await admin.PutAsJsonAsync(
            $"/api/v1/admin/tenants/{tenantA}/components/audit/outbound-origins", new JsonObject { ["origins"] = new JsonArray("https://a.example") },
            TestContext.Current.CancellationToken))
        {
            await TestApi.JsonAsync(origins, HttpStatusCode.OK);
        }

        // The key-value import is only reachable from a guest; no guest of a served world uses it,
        // so the row is written the way the import writes it.
        await Host.WithDbAsync(async db =>
        {
            db.KeyValueEntries.Add(new KeyValueEntry
            {
                TenantId = tenantA,
                ComponentName = "audit",
                Key = "counter",
                Value = Encoding.UTF8.GetBytes("41"),
                UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });

        var keys = (await admin.GetJsonAsync($"/api/v1/admin/tenants/{tenantA}/keys")).AsArray();
        KeyIdA = keys.Single()!["id"]!.GetValue<Guid>();

        SnapshotA = await TenantSnapshot.TakeAsync(Host, tenantA);
        SnapshotB = await TenantSnapshot.TakeAsync(Host, TenantB);
    }

    public ValueTask DisposeAsync()
    {
        ClientB.Dispose();
        return ValueTask.CompletedTask;
    }

    private static async Task<JsonNode> SubscribeAsync(HttpClient client, string tenant, string component, string mode)
    {
        using var response = await client.PutAsJsonAsync(
            $"/api/v1/tenants/{tenant}/subscriptions/{EventType}", new { component, mode }, TestContext.Current.CancellationToken);
        return (await TestApi.JsonAsync(response, HttpStatusCode.Created))["id"]!;
    }

    private static async Task<JsonObject> PublishAsync(HttpClient client, string tenant, JsonNode payload)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/events", new JsonObject { ["eventType"] = EventType, ["payload"] = payload },
            TestContext.Current.CancellationToken);
        var result = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("proceeded", result.Str("status"));
        return result;
    }

    /// <summary>Waits until the delivery is delivered and its invocation is in the log, so the snapshot is final.</summary>
    private static async Task WaitForDeliveredAsync(HttpClient client, string tenant, Guid deliveryId, string eventId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var delivery = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/deliveries/{deliveryId}");
            var invocations = (await client.GetJsonAsync($"/api/v1/tenants/{tenant}/invocations?eventId={eventId}&component=audit"))["items"]!.AsArray();
            if (delivery.Str("status") == "delivered" && invocations.Count == 1)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"delivery {deliveryId} is still {delivery.Str("status")} with {invocations.Count} invocations");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

/// <summary>
/// Every row of one tenant in every tenant-owned table (read past the query filters), one JSON
/// line per row with every column, sorted, by table; so equal snapshots mean nothing was added,
/// removed or changed.
/// </summary>
public sealed class TenantSnapshot
{
    public required string Tenant { get; init; }

    public required SortedDictionary<string, List<string>> Tables { get; init; }

    public int Count(string table) => Tables[table].Count;

    public static async Task<TenantSnapshot> TakeAsync(ApiHost host, string tenant)
    {
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var ct = TestContext.Current.CancellationToken;
        await host.WithDbAsync(async db =>
        {
            tables["Tenants"] = Rows(await db.Tenants.IgnoreQueryFilters().AsNoTracking().Where(t => t.Id == tenant).ToListAsync(ct));
            tables["ApiKeys"] = Rows(await db.ApiKeys.IgnoreQueryFilters().AsNoTracking().Where(k => k.TenantId == tenant).ToListAsync(ct));
            tables["Components"] = Rows(await db.Components.IgnoreQueryFilters().AsNoTracking().Where(c => c.TenantId == tenant).ToListAsync(ct));
            tables["Versions"] = Rows(await db.Versions.IgnoreQueryFilters().AsNoTracking().Where(v => v.TenantId == tenant).ToListAsync(ct));
            tables["Reviews"] = Rows(await db.Reviews.IgnoreQueryFilters().AsNoTracking().Where(r => r.TenantId == tenant).ToListAsync(ct));
            tables["Subscriptions"] = Rows(await db.Subscriptions.IgnoreQueryFilters().AsNoTracking().Where(s => s.TenantId == tenant).ToListAsync(ct));
            tables["Deliveries"] = Rows(await db.Deliveries.IgnoreQueryFilters().AsNoTracking().Where(d => d.TenantId == tenant).ToListAsync(ct));
            tables["Invocations"] = Rows(await db.Invocations.IgnoreQueryFilters().AsNoTracking().Where(i => i.TenantId == tenant).ToListAsync(ct));
            tables["KeyValueEntries"] = Rows(await db.KeyValueEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.TenantId == tenant).ToListAsync(ct));
            tables["Settings"] = Rows(await db.Settings.IgnoreQueryFilters().AsNoTracking().Where(s => s.TenantId == tenant).ToListAsync(ct));
            tables["ExtensionPointBindings"] = Rows(await db.ExtensionPointBindings.IgnoreQueryFilters().AsNoTracking().Where(b => b.TenantId == tenant).ToListAsync(ct));
            tables["OutboundOrigins"] = Rows(await db.OutboundOrigins.IgnoreQueryFilters().AsNoTracking().Where(o => o.TenantId == tenant).ToListAsync(ct));
        });
        return new TenantSnapshot { Tenant = tenant, Tables = tables };
    }

    /// <summary>Fails naming every table whose rows differ from <paramref name="expected"/>, with both versions.</summary>
    public static async Task AssertUnchangedAsync(ApiHost host, TenantSnapshot expected)
    {
        var actual = await TakeAsync(host, expected.Tenant);
        List<string> changes = [];
        foreach (var (table, rows) in expected.Tables)
        {
            var now = actual.Tables[table];
            if (!rows.SequenceEqual(now, StringComparer.Ordinal))
            {
                changes.Add($"{table}: {rows.Count} rows → {now.Count} rows\n  before:\n    {string.Join("\n    ", rows)}\n  after:\n    {string.Join("\n    ", now)}");
            }
        }

        Assert.True(changes.Count == 0, $"tenant {expected.Tenant} changed:\n{string.Join('\n', changes)}");
    }

    private static List<string> Rows<T>(List<T> rows) =>
        [.. rows.Select(r => JsonSerializer.Serialize(r)).Order(StringComparer.Ordinal)];
}

/// <summary>
/// Tenant isolation beyond status codes: tenant B's key on tenant A's routes (every one of the
/// route table) and on B's own routes carrying A's ids (deliveries, invocations, subscriptions,
/// components, extension points) answers 404 or an empty list, and after every request every row
/// of A in every tenant-owned table is exactly as seeded (and B still owns nothing).
/// </summary>
[Collection(RuntimeApiCollection.Name)]
public sealed class TenantIsolationTests(RuntimeApiFixture fixture, TenantIsolationSeed seed) : IClassFixture<TenantIsolationSeed>
{
    internal const string HandleRoute = "invoke/saas:extensibility/event-handler@1.0.0/handle";
    private const string PointRoute = "invoke/saas:extensibility/extension-point@1.0.0/invoke";

    private ApiHost Host => fixture.Host;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    internal static JsonObject HandleArgs() => new()
    {
        ["args"] = new JsonArray(new JsonObject
        {
            ["id"] = "e-iso",
            ["event-type"] = TenantIsolationSeed.EventType,
            ["tenant-id"] = "whoever",
            ["occurred-at"] = 1_764_000_000_000,
            ["payload"] = "{}",
        }),
    };

    [Fact]
    public void Seed_FillsEveryTenantOwnedTableOfTenantA()
    {
        var a = seed.SnapshotA;
        Assert.Equal(1, a.Count("Tenants"));
        Assert.Equal(1, a.Count("ApiKeys"));
        Assert.Equal(3, a.Count("Components"));
        Assert.Equal(3, a.Count("Versions"));
        Assert.Equal(3, a.Count("Reviews"));
        Assert.Equal(2, a.Count("Subscriptions"));
        Assert.Equal(2, a.Count("Deliveries"));
        // gate (sync) ×2, audit (async) ×2, echo.closed, typed call of audit.
        Assert.Equal(6, a.Count("Invocations"));
        Assert.Equal(1, a.Count("KeyValueEntries"));
        Assert.Equal(1, a.Count("Settings"));
        Assert.Equal(2, a.Count("ExtensionPointBindings"));
        Assert.Equal(1, a.Count("OutboundOrigins"));
        Assert.All(seed.SnapshotB.Tables.Where(t => t.Key is not ("Tenants" or "ApiKeys")), t => Assert.Empty(t.Value));
    }

    /// <summary>
    /// The whole route table with tenant A's id and A's real ids (its dead letter, its components,
    /// event type, points, setting, key, versions) and bodies that would succeed for A: every
    /// tenant route is a 404 problem for B, every admin route a 403, and nothing of A changes.
    /// </summary>
    [Fact]
    public async Task EveryRouteOfTheRouteTable_WithTenantAsIds_Is404ForTenantRoutes403ForAdminRoutesAndChangesNothing()
    {
        var routes = Host.ApiRoutes();
        List<string> failures = [];
        var tenantRoutes = 0;
        var adminRoutes = 0;

        foreach (var (method, pattern) in routes)
        {
            var raw = pattern.RawText!.TrimEnd('/');
            HttpStatusCode expected;
            string type;
            if (pattern.Parameters.Any(p => p.Name == "tenant") && raw.StartsWith("/api/v1/tenants/", StringComparison.Ordinal))
            {
                (expected, type) = (HttpStatusCode.NotFound, "not-found");
                tenantRoutes++;
            }
            else if (raw.StartsWith("/api/v1/admin/", StringComparison.Ordinal) || raw == "/api/v1/tenants")
            {
                (expected, type) = (HttpStatusCode.Forbidden, "forbidden");
                adminRoutes++;
            }
            else
            {
                continue;
            }

            var paths = new List<string> { SamplePath(pattern) };
            paths.AddRange(QueryVariants(raw).Select(q => paths[0] + q));
            foreach (var path in paths)
            {
                if (!TryBody(method, raw, out var body))
                {
                    failures.Add($"{method} {raw}: no realistic body known; add one to {nameof(TryBody)}");
                    continue;
                }

                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body };
                using var response = await seed.ClientB.SendAsync(request, Cancellation);
                var text = await response.Content.ReadAsStringAsync(Cancellation);
                var problemType = response.Content.Headers.ContentType?.MediaType == "application/problem+json"
                    ? JsonNode.Parse(text)?["type"]?.GetValue<string>()
                    : null;
                if (response.StatusCode != expected || problemType != TestApi.ProblemBase + type)
                {
                    failures.Add($"{method} {path} → {(int)response.StatusCode} {response.Content.Headers.ContentType?.MediaType}: {text}");
                }
            }
        }

        // 18 tenant routes (components 4, invoke 1, subscriptions 3, events 1, deliveries 4,
        // extension points 4, invocations 2) and 16 admin ones at the time of writing.
        Assert.True(tenantRoutes >= 19, $"only {tenantRoutes} tenant routes checked");
        Assert.True(adminRoutes >= 16, $"only {adminRoutes} admin routes checked");
        Assert.Empty(failures);
        await AssertNothingChangedAsync();
    }

    public static TheoryData<string, string, string> OwnRoutesWithTenantAsIds => new()
    {
        { "GET", "/api/v1/tenants/{B}/deliveries/{delivery}", "not-found" },
        { "GET", "/api/v1/tenants/{B}/invocations/{invocation}", "not-found" },
        { "GET", "/api/v1/tenants/{B}/deliveries/{deadLetter}", "not-found" },
        { "POST", "/api/v1/tenants/{B}/deliveries/{delivery}/replay", "not-found" },
        { "POST", "/api/v1/tenants/{B}/deliveries/{deadLetter}/replay", "not-found" },
        { "DELETE", "/api/v1/tenants/{B}/subscriptions/order.placed/audit", "not-found" },
        { "DELETE", "/api/v1/tenants/{B}/subscriptions/order.placed/gate", "not-found" },
        { "DELETE", "/api/v1/tenants/{B}/extension-points/echo.open/binding", "not-found" },
        { "DELETE", "/api/v1/tenants/{B}/extension-points/echo.closed/binding", "not-found" },
        { "POST", "/api/v1/tenants/{B}/extension-points/echo.closed/invoke", "extension-point-not-bound" },
        { "GET", "/api/v1/tenants/{B}/components/audit/versions", "not-found" },
        { "GET", "/api/v1/tenants/{B}/components/audit/versions/1", "not-found" },
        { "GET", "/api/v1/tenants/{B}/components/echo/versions/1", "not-found" },
        { "POST", "/api/v1/tenants/{B}/components/audit/" + HandleRoute, "not-found" },
        { "POST", "/api/v1/tenants/{B}/components/gate/" + HandleRoute, "not-found" },
        { "POST", "/api/v1/tenants/{B}/components/echo/" + PointRoute, "not-found" },
    };

    [Theory]
    [MemberData(nameof(OwnRoutesWithTenantAsIds))]
    public async Task OwnRoute_CarryingTenantAsId_Is404AndChangesNothing(string method, string template, string type)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Fill(template));
        request.Content = method == "POST" && template.Contains("/invoke", StringComparison.Ordinal)
            ? JsonContent.Create(template.EndsWith("/invoke", StringComparison.Ordinal) && template.Contains("extension-points", StringComparison.Ordinal)
                ? new JsonObject { ["input"] = new JsonObject { ["n"] = 1 } }
                : template.Contains("/echo/", StringComparison.Ordinal)
                    ? new JsonObject { ["args"] = new JsonArray("p", "1") }
                    : HandleArgs())
            : null;

        using var response = await seed.ClientB.SendAsync(request, Cancellation);

        await TestApi.AssertProblemAsync(response, HttpStatusCode.NotFound, type);
        await AssertNothingChangedAsync();
    }

    public static TheoryData<string, string> OwnListsFilteredByTenantAsIds => new()
    {
        { "/api/v1/tenants/{B}/deliveries", "" },
        { "/api/v1/tenants/{B}/deliveries?status=dead-lettered", "" },
        { "/api/v1/tenants/{B}/deliveries?status=delivered&limit=500", "" },
        { "/api/v1/tenants/{B}/invocations", "items" },
        { "/api/v1/tenants/{B}/invocations?versionId={auditVersion}", "items" },
        { "/api/v1/tenants/{B}/invocations?versionId={gateVersion}", "items" },
        { "/api/v1/tenants/{B}/invocations?versionId={echoVersion}", "items" },
        { "/api/v1/tenants/{B}/invocations?eventId={event}", "items" },
        { "/api/v1/tenants/{B}/invocations?eventId={event}&versionId={auditVersion}&component=audit&outcome=ok", "items" },
        { "/api/v1/tenants/{B}/invocations?component=echo&limit=200", "items" },
        { "/api/v1/tenants/{B}/subscriptions", "" },
        { "/api/v1/tenants/{B}/subscriptions?eventType=order.placed", "" },
        { "/api/v1/tenants/{B}/extension-points", "" },
        { "/api/v1/tenants/{B}/components", "" },
    };

    [Theory]
    [MemberData(nameof(OwnListsFilteredByTenantAsIds))]
    public async Task OwnList_FilteredByTenantAsIds_IsEmpty(string template, string arrayProperty)
    {
        var body = await seed.ClientB.GetJsonAsync(Fill(template));

        var list = (arrayProperty == "" ? body : body[arrayProperty]!).AsArray();
        Assert.Empty(list);
        await AssertNothingChangedAsync();
    }

    [Theory]
    [InlineData("")]
    [InlineData("?eventType=order.placed")]
    public async Task OwnBulkReplay_LeavesTenantAsDeadLetterDeadLettered(string query)
    {
        using var response = await seed.ClientB.PostAsync($"/api/v1/tenants/{seed.TenantB}/deliveries/replay{query}", null, Cancellation);

        var body = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(0, body["replayed"]!.GetValue<int>());
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task OwnEvent_WithTenantAsEventTypeAndEventId_RunsAndEnqueuesNothingOfTenantA()
    {
        using var response = await seed.ClientB.PostAsJsonAsync($"/api/v1/tenants/{seed.TenantB}/events",
            new JsonObject { ["eventType"] = TenantIsolationSeed.EventType, ["payload"] = new JsonObject { ["order"] = 1 }, ["eventId"] = seed.EventId },
            Cancellation);

        var result = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("proceeded", result.Str("status"));
        Assert.Empty(result["decisions"]!.AsArray());
        Assert.Empty(result["deliveryIds"]!.AsArray());
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task OwnSubscription_OfTenantAsComponentName_Is400AndChangesNothing()
    {
        using var response = await seed.ClientB.PutAsJsonAsync(
            $"/api/v1/tenants/{seed.TenantB}/subscriptions/{TenantIsolationSeed.EventType}", new { component = "audit", mode = "async" }, Cancellation);

        var problem = await TestApi.AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.NotNull(problem["errors"]!["component"]);
        await AssertNothingChangedAsync();
    }

    [Fact]
    public async Task OwnFailOpenPoint_WhileOnlyTenantAHasBoundIt_AnswersTheDefaultNotTenantAsComponent()
    {
        using var response = await RuntimeApiFixture.InvokePointAsync(seed.ClientB, seed.TenantB, "echo.open", new JsonObject { ["n"] = 1 });

        var body = await TestApi.JsonAsync(response, HttpStatusCode.OK);
        Assert.True(body["usedDefault"]!.GetValue<bool>());
        Assert.True(body["output"]!["fallback"]!.GetValue<bool>());
        Assert.Null(body["invocationId"]);
        await AssertNothingChangedAsync();
    }

    /// <summary>
    /// A third tenant binds the points to A's component name without having such a component (a
    /// binding may precede the upload): calling the points runs nothing of A's.
    /// </summary>
    [Fact]
    public async Task BindingToTenantAsComponentName_NeverRunsTenantAsComponent()
    {
        var (tenantC, clientC) = await Host.CreateTenantAsync("iso-c");
        using var _ = clientC;
        await RuntimeApiFixture.BindAsync(clientC, tenantC, "echo.open", "echo");
        await RuntimeApiFixture.BindAsync(clientC, tenantC, "echo.closed", "echo");

        using var closed = await RuntimeApiFixture.InvokePointAsync(clientC, tenantC, "echo.closed", new JsonObject { ["n"] = 1 });
        using var open = await RuntimeApiFixture.InvokePointAsync(clientC, tenantC, "echo.open", new JsonObject { ["n"] = 1 });

        await TestApi.AssertProblemAsync(closed, HttpStatusCode.NotFound, "not-found");
        var fallback = await TestApi.JsonAsync(open, HttpStatusCode.OK);
        Assert.True(fallback["usedDefault"]!.GetValue<bool>());
        Assert.Empty((await clientC.GetJsonAsync($"/api/v1/tenants/{tenantC}/invocations"))["items"]!.AsArray());
        await AssertNothingChangedAsync();
    }

    /// <summary>
    /// A third tenant with the same component names, event type, points and setting key as A, and
    /// an event published with A's event id: everything it does lands in its own rows, its lists
    /// show only its own, and unsubscribing, unbinding and deleting its setting leave A's alone.
    /// </summary>
    [Fact]
    public async Task SameNamesAndEventIdInAnotherTenant_StayInThatTenant()
    {
        var (tenantC, clientC) = await Host.CreateTenantAsync("iso-c");
        using var _ = clientC;
        using var admin = Host.Admin();
        var auditC = await fixture.DeployAsync(tenantC, clientC, "audit", RuntimeApiFixture.Wat("event-handler"));
        await fixture.DeployAsync(tenantC, clientC, "echo", RuntimeApiFixture.Wat("point-echo"));
        using (var subscribe = await clientC.PutAsJsonAsync(
            $"/api/v1/tenants/{tenantC}/subscriptions/{TenantIsolationSeed.EventType}", new { component = "audit", mode = "async" }, Cancellation))
        {
            await TestApi.JsonAsync(subscribe, HttpStatusCode.Created);
        }

        await RuntimeApiFixture.BindAsync(clientC, tenantC, "echo.open", "echo");
        using (var setting = await admin.PutAsJsonAsync(
            $"/api/v1/admin/tenants/{tenantC}/components/audit/settings/greeting", new { value = "hello from C" }, Cancellation))
        {
            await TestApi.JsonAsync(setting, HttpStatusCode.Created);
        }

        using var publish = await clientC.PostAsJsonAsync($"/api/v1/tenants/{tenantC}/events",
            new JsonObject { ["eventType"] = TenantIsolationSeed.EventType, ["payload"] = new JsonObject(), ["eventId"] = seed.EventId }, Cancellation);
        var published = await TestApi.JsonAsync(publish, HttpStatusCode.OK);
        var deliveryC = published["deliveryIds"]!.AsArray().Single()!.GetValue<Guid>();
        Assert.NotEqual(seed.DeliveryId, deliveryC);
        await WaitForDeliveryAsync(clientC, tenantC, deliveryC);

        var deliveries = (await clientC.GetJsonAsync($"/api/v1/tenants/{tenantC}/deliveries?limit=500")).AsArray();
        var byEvent = (await clientC.GetJsonAsync($"/api/v1/tenants/{tenantC}/invocations?eventId={seed.EventId}"))["items"]!.AsArray();
        var byAVersion = (await clientC.GetJsonAsync($"/api/v1/tenants/{tenantC}/invocations?versionId={seed.AuditVersionId}"))["items"]!.AsArray();
        var settings = (await admin.GetJsonAsync($"/api/v1/admin/tenants/{tenantC}/components/audit/settings")).AsArray();
        using var foreignDelivery = await clientC.GetAsync($"/api/v1/tenants/{tenantC}/deliveries/{seed.DeliveryId}", Cancellation);

        Assert.Equal(deliveryC, deliveries.Single()!["id"]!.GetValue<Guid>());
        Assert.Equal(auditC, byEvent.Single()!.Str("versionId"));
        Assert.Empty(byAVersion);
        Assert.Equal("hello from C", settings.Single()!.Str("value"));
        await TestApi.AssertProblemAsync(foreignDelivery, HttpStatusCode.NotFound, "not-found");

        using var unsubscribe = await clientC.DeleteAsync($"/api/v1/tenants/{tenantC}/subscriptions/{TenantIsolationSeed.EventType}/audit", Cancellation);
        using var unbind = await clientC.DeleteAsync($"/api/v1/tenants/{tenantC}/extension-points/echo.open/binding", Cancellation);
        using var unset = await admin.DeleteAsync($"/api/v1/admin/tenants/{tenantC}/components/audit/settings/greeting", Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, unsubscribe.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unbind.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, unset.StatusCode);
        await AssertNothingChangedAsync();
    }

    private async Task AssertNothingChangedAsync()
    {
        await TenantSnapshot.AssertUnchangedAsync(Host, seed.SnapshotA);
        await TenantSnapshot.AssertUnchangedAsync(Host, seed.SnapshotB);
    }

    private static async Task WaitForDeliveryAsync(HttpClient client, string tenant, Guid deliveryId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var delivery = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/deliveries/{deliveryId}");
            if (delivery.Str("status") == "delivered")
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"delivery {deliveryId} is still {delivery.Str("status")}");
            await Task.Delay(50, Cancellation);
        }
    }

    private string Fill(string template) => template
        .Replace("{B}", seed.TenantB, StringComparison.Ordinal)
        .Replace("{deadLetter}", seed.DeadLetterId.ToString(), StringComparison.Ordinal)
        .Replace("{delivery}", seed.DeliveryId.ToString(), StringComparison.Ordinal)
        .Replace("{invocation}", seed.InvocationId.ToString(), StringComparison.Ordinal)
        .Replace("{auditVersion}", seed.AuditVersionId, StringComparison.Ordinal)
        .Replace("{gateVersion}", seed.GateVersionId, StringComparison.Ordinal)
        .Replace("{echoVersion}", seed.EchoVersionId, StringComparison.Ordinal)
        .Replace("{event}", Uri.EscapeDataString(seed.EventId), StringComparison.Ordinal);

    /// <summary>The route with every parameter filled with tenant A's real ids.</summary>
    private string SamplePath(RoutePattern pattern)
    {
        var isInvoke = pattern.RawText!.Contains("/invoke", StringComparison.Ordinal);
        return ApiHost.RoutePath(pattern, parameter => parameter.Name switch
        {
            "tenant" => seed.TenantA,
            "versionId" => seed.AuditVersionId,
            "deliveryId" => seed.DeadLetterId.ToString(),
            "keyId" => seed.KeyIdA.ToString(),
            "invocationId" => seed.InvocationId.ToString(),
            "name" or "component" => "audit",
            "version" => "1",
            "eventType" => TenantIsolationSeed.EventType,
            "point" => isInvoke ? "echo.closed" : "echo.open",
            "key" => "greeting",
            "target" => "saas:extensibility/event-handler@1.0.0/handle",
            _ => throw new InvalidOperationException($"no sample for route parameter '{parameter.Name}' of {pattern.RawText}"),
        });
    }

    /// <summary>Query strings with A's ids for the routes that filter by them.</summary>
    private string[] QueryVariants(string raw) => raw switch
    {
        "/api/v1/tenants/{tenant}/deliveries" => ["?status=dead-lettered", "?status=delivered&limit=500"],
        "/api/v1/tenants/{tenant}/deliveries/replay" => ["?eventType=" + TenantIsolationSeed.EventType],
        "/api/v1/tenants/{tenant}/subscriptions" => ["?eventType=" + TenantIsolationSeed.EventType],
        "/api/v1/tenants/{tenant}/invocations" =>
        [
            $"?versionId={seed.AuditVersionId}",
            $"?eventId={Uri.EscapeDataString(seed.EventId)}",
            "?component=audit&outcome=ok&limit=200",
        ],
        _ => [],
    };

    /// <summary>
    /// A body with which the request would succeed for tenant A itself (so a missing tenant check
    /// would show as a change of A's rows, not as a 400), or none for the routes that take none.
    /// </summary>
    private static bool TryBody(string method, string raw, out HttpContent? body)
    {
        body = null;
        if (method is "GET" or "DELETE")
        {
            return true;
        }

        var json = (method + " " + raw) switch
        {
            "POST /api/v1/tenants/{tenant}/components/{name}/versions" => null,
            "PUT /api/v1/tenants/{tenant}/subscriptions/{eventType}" => new JsonObject { ["component"] = "gate", ["mode"] = "async", ["rank"] = 1 },
            "POST /api/v1/tenants/{tenant}/events" => new JsonObject
            {
                ["eventType"] = TenantIsolationSeed.EventType,
                ["payload"] = new JsonObject { ["order"] = 3 },
                ["eventId"] = "intruder-" + Guid.NewGuid().ToString("N"),
            },
            "PUT /api/v1/tenants/{tenant}/extension-points/{point}/binding" => new JsonObject { ["component"] = "gate" },
            "POST /api/v1/tenants/{tenant}/extension-points/{point}/invoke" => new JsonObject { ["input"] = new JsonObject { ["n"] = 2 } },
            "POST /api/v1/tenants/{tenant}/components/{name}/invoke/{**target}" => HandleArgs(),
            "PUT /api/v1/admin/tenants/{tenant}/disabled" or "PUT /api/v1/admin/tenants/{tenant}/components/{name}/disabled" =>
                new JsonObject { ["disabled"] = true },
            "PUT /api/v1/admin/tenants/{tenant}/components/{name}/settings/{key}" => new JsonObject { ["value"] = "intruder" },
            "PUT /api/v1/admin/tenants/{tenant}/components/{name}/outbound-origins" => new JsonObject { ["origins"] = new JsonArray("https://intruder.example") },
            "POST /api/v1/admin/tenants/{tenant}/keys" => new JsonObject { ["name"] = "intruder" },
            "POST /api/v1/admin/versions/{versionId:guid}/reenable" => new JsonObject { ["reason"] = "intruder" },
            "POST /api/v1/admin/reviews/{versionId:guid}/reject" => new JsonObject { ["reason"] = "intruder" },
            "POST /api/v1/tenants" => new JsonObject { ["id"] = "intruder-" + Guid.NewGuid().ToString("N")[..8], ["name"] = "Intruder" },
            "POST /api/v1/tenants/{tenant}/deliveries/{deliveryId:guid}/replay"
                or "POST /api/v1/tenants/{tenant}/deliveries/replay"
                or "POST /api/v1/admin/reviews/{versionId:guid}/approve"
                or "POST /api/v1/admin/reviews/{versionId:guid}/rollback"
                or "POST /api/v1/admin/reviews/{versionId:guid}/shadow-run" => new JsonObject(),
            _ => (JsonNode?)JsonValue.Create("unknown"),
        };

        if (json is JsonValue)
        {
            return false;
        }

        if (raw.EndsWith("/versions", StringComparison.Ordinal))
        {
            body = TestApi.WasmContent(Guests.Tagged(RuntimeApiFixture.Wat("event-handler"), "intruder"));
        }
        else if (json is JsonObject { Count: > 0 })
        {
            body = JsonContent.Create(json);
        }

        return true;
    }
}
