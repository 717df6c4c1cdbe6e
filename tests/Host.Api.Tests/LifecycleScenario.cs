using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The main path, run against each blob store: upload → review queue → approve → active → upload
/// v2 → approve → v1 superseded → roll back → v1 active again, audited.
/// </summary>
internal static class LifecycleScenario
{
    private const string EventExtension = "saas:extensibility/event-extension@1.0.0";
    private const string EventHandler = "saas:extensibility/event-handler@1.0.0";
    private const string Logging = "saas:extensibility/logging@1.0.0";

    public static async Task RunAsync(ApiHost host)
    {
        var (tenant, client) = await host.CreateTenantAsync("life");
        using var tenantClient = client;
        using var admin = host.Admin();
        var rust = TestWasm.RustHandler();
        var wat = TestWasm.WatHandler();

        using var upload1 = await client.UploadAsync(tenant, "order-hooks", rust);
        var v1 = await TestApi.JsonAsync(upload1, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/tenants/{tenant}/components/order-hooks/versions/1", upload1.Headers.Location?.OriginalString);
        Assert.Equal(tenant, v1.Str("tenant"));
        Assert.Equal("order-hooks", v1.Str("component"));
        Assert.Equal(1, v1["version"]!.GetValue<int>());
        Assert.Equal("pending", v1.Str("status"));
        Assert.Equal(ComponentHash.Of(rust), v1.Str("sha256"));
        Assert.Equal(rust.Length, v1["sizeBytes"]!.GetValue<long>());
        Assert.Equal([EventExtension], v1["worlds"]!.AsArray().Select(w => w!.GetValue<string>()));
        var handle = Assert.Single(Item(v1["exports"]!, EventHandler)["functions"]!.AsArray());
        Assert.Equal("handle", handle!.Str("name"));
        Assert.StartsWith("func(event: record { id: string, event-type: string", handle!.Str("signature"), StringComparison.Ordinal);
        Assert.Equal("log", Item(v1["imports"]!, Logging)["functions"]![0]!.Str("name"));
        var v1Id = v1.Str("id");

        var queued = await QueueEntryAsync(admin, v1Id);
        Assert.Null(queued["capabilityDiff"]!["comparedWith"]);
        Assert.Contains(Logging, Names(queued["capabilityDiff"]!["addedImports"]!));
        Assert.Contains(EventHandler, Names(queued["capabilityDiff"]!["addedExports"]!));

        Assert.Equal("active", (await admin.DecideVersionAsync(v1Id, "approve")).Str("status"));
        Assert.Equal("active", (await client.GetJsonAsync(TestApi.Versions(tenant, "order-hooks") + "/1")).Str("status"));
        var component = Assert.Single((await client.GetJsonAsync($"/api/v1/tenants/{tenant}/components")).AsArray())!;
        Assert.Equal("order-hooks", component.Str("name"));
        Assert.Equal(1, component["activeVersion"]!.GetValue<int>());

        var v2 = await client.UploadVersionAsync(tenant, "order-hooks", wat);
        Assert.Equal(2, v2["version"]!.GetValue<int>());
        Assert.Equal("pending", v2.Str("status"));
        var v2Id = v2.Str("id");
        Assert.Equal(1, (await QueueEntryAsync(admin, v2Id))["capabilityDiff"]!["comparedWith"]!.GetValue<int>());

        Assert.Equal("active", (await admin.DecideVersionAsync(v2Id, "approve")).Str("status"));
        var afterApproval = (await client.GetJsonAsync(TestApi.Versions(tenant, "order-hooks"))).AsArray();
        Assert.Equal(["superseded", "active"], afterApproval.Select(v => v!.Str("status")));

        var rolledBack = await admin.DecideVersionAsync(v1Id, "rollback");
        Assert.Equal("active", rolledBack.Str("status"));
        var afterRollback = (await client.GetJsonAsync(TestApi.Versions(tenant, "order-hooks"))).AsArray();
        Assert.Equal(["active", "superseded"], afterRollback.Select(v => v!.Str("status")));
        Assert.Equal(1, (await client.GetJsonAsync($"/api/v1/tenants/{tenant}/components")).AsArray()[0]!["activeVersion"]!.GetValue<int>());

        var history = (await admin.GetJsonAsync($"/api/v1/admin/reviews/{v1Id}/history")).AsArray();
        Assert.Equal(["approved", "rolled-back"], history.Select(h => h!.Str("decision")));
        Assert.All(history, h => Assert.StartsWith("test admin (", h!.Str("actor"), StringComparison.Ordinal));

        var blobs = (await host.BlobsAsync(tenant)).Select(b => b.Sha256).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { ComponentHash.Of(rust), ComponentHash.Of(wat) }.Order(StringComparer.Ordinal), blobs);
        Assert.Equal((1, 2, 3), await host.RowsAsync(tenant));
    }

    private static async Task<JsonNode> QueueEntryAsync(HttpClient admin, string versionId)
    {
        var queue = (await admin.GetJsonAsync("/api/v1/admin/reviews?status=pending")).AsArray();
        return Assert.Single(queue, e => e!["version"]!.Str("id") == versionId)!;
    }

    private static JsonNode Item(JsonNode items, string name) => Assert.Single(items.AsArray(), i => i!.Str("name") == name)!;

    private static IEnumerable<string> Names(JsonNode array) => array.AsArray().Select(n => n!.GetValue<string>());
}
