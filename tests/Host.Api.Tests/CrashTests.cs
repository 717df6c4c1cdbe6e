using ExtensibilityHost.Core.Tenants;
using Microsoft.Data.Sqlite;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The host as a real process, killed with SIGKILL right after its last response: what batching
/// may lose (invocation records still queued, at most the unwritten batch) and what it may not
/// (outbox rows of every acknowledged publish, delivered after a restart).
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class CrashTests : IAsyncDisposable
{
    private const int SyncEvents = 5;
    private const int AsyncEvents = 20;

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("exthost-crash-");
    private readonly string _adminKey = ApiKeySecret.Generate().Key;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kill_RightAfterTheResponses_OutboxRowsSurviveAndOnlyUnwrittenInvocationRecordsAreLost()
    {
        string tenant;
        List<string> invocationIds = [];
        List<string> deliveryIds = [];

        // Records wait 30 s to be batched and no dispatcher runs: at the kill, every invocation
        // record of the sync handler is still queued and every outbox row is still pending.
        using (var host = await HostProcess.StartAsync(_data.FullName, _adminKey, new()
        {
            ["ExtensibilityHost__Invocations__LogBatchDelay"] = "00:00:30",
            ["ExtensibilityHost__Events__RunDispatcher"] = "false",
        }))
        {
            using var admin = host.Client(_adminKey);
            tenant = $"crash-{Guid.NewGuid():N}"[..20];
            using var created = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = tenant, name = tenant }, Cancellation);
            var key = (await TestApi.JsonAsync(created, HttpStatusCode.Created)).Str("apiKey");
            using var client = host.Client(key);
            var version = await client.UploadVersionAsync(tenant, "handler", Guests.Component("event-handler.wat"));
            await admin.DecideVersionAsync(version.Str("id"), "approve");
            await SubscribeAsync(client, tenant, "order.checked", "sync");
            await SubscribeAsync(client, tenant, "order.placed", "async");

            for (var i = 0; i < SyncEvents; i++)
            {
                var result = await PublishAsync(client, tenant, "order.checked", i);
                var decision = result["decisions"]![0]!;

                // A failed call's record is committed before the answer (the breaker counts it); only
                // successes wait in the batch. On a loaded machine a handler can time out.
                if (decision.Str("decision") != "failed")
                {
                    invocationIds.Add(decision.Str("invocationId"));
                }
            }

            for (var i = 0; i < AsyncEvents; i++)
            {
                var result = await PublishAsync(client, tenant, "order.placed", i);
                deliveryIds.Add(result["deliveryIds"]![0]!.GetValue<string>());
            }

            host.Kill();
        }

        var (records, rows) = await CountAsync(invocationIds, deliveryIds);
        TestContext.Current.SendDiagnosticMessage($"after SIGKILL: {records} of {invocationIds.Count} successful calls' invocation records, {rows} of {AsyncEvents} outbox rows");
        Assert.Equal(AsyncEvents, rows);
        Assert.Equal(0, records);

        // Restarted with its dispatcher, the host delivers every acknowledged event.
        using (var host = await HostProcess.StartAsync(_data.FullName, _adminKey, new()
        {
            ["ExtensibilityHost__Events__PollInterval"] = "00:00:00.100",
        }))
        {
            var delivered = 0;
            for (var attempt = 0; attempt < 300 && delivered < AsyncEvents; attempt++)
            {
                await Task.Delay(100, Cancellation);
                delivered = await CountDeliveredAsync(deliveryIds);
            }

            Assert.Equal(AsyncEvents, delivered);
        }
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
        return ValueTask.CompletedTask;
    }

    private static async Task SubscribeAsync(HttpClient client, string tenant, string eventType, string mode)
    {
        using var response = await client.PutAsJsonAsync($"/api/v1/tenants/{tenant}/subscriptions/{eventType}", new { component = "handler", mode }, Cancellation);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Cancellation));
    }

    private static async Task<JsonObject> PublishAsync(HttpClient client, string tenant, string eventType, int n)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/events", new JsonObject { ["eventType"] = eventType, ["payload"] = new JsonObject { ["n"] = n } }, Cancellation);
        return await TestApi.JsonAsync(response, HttpStatusCode.OK);
    }

    private async Task<(int Records, int Rows)> CountAsync(List<string> invocationIds, List<string> deliveryIds)
    {
        await using var connection = Open();
        return (await CountAsync(connection, "Invocations", invocationIds), await CountAsync(connection, "Outbox", deliveryIds));
    }

    private async Task<int> CountDeliveredAsync(List<string> deliveryIds)
    {
        await using var connection = Open();
        return await CountAsync(connection, "Outbox", deliveryIds, "AND Status = 'Delivered'");
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(_data.FullName, "exthost.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }

    private static async Task<int> CountAsync(SqliteConnection connection, string table, List<string> ids, string condition = "")
    {
        await using var command = connection.CreateCommand();
        var names = ids.Select((id, i) => command.Parameters.AddWithValue($"@id{i}", Guid.Parse(id).ToString().ToUpperInvariant()).ParameterName);
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE Id IN ({string.Join(", ", names)}) {condition}";
        return Convert.ToInt32(await command.ExecuteScalarAsync(Cancellation), System.Globalization.CultureInfo.InvariantCulture);
    }
}
