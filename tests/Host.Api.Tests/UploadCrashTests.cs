using System.Diagnostics;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Tenants;
using Microsoft.Data.Sqlite;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Uploads to the host as a real process, killed with SIGKILL at random points — right after a blob
/// is written (before, at or after its row's commit and the response) or at a random time — and
/// restarted, several times: no acknowledged upload is lost, a client's retry gets the original
/// version when the first attempt was committed and a new one when it was not, the orphaned blobs and
/// temporaries of interrupted puts are swept, and in the end the rows and the blobs agree one to one.
/// </summary>
/// <remarks>
/// Every upload has bytes of its own (the same guest, tagged with its index), so each blob and row
/// names the upload it came from. Some uploads the kill left without an answer are retried after the
/// restart and the others abandoned, as clients that gave up: their blobs are the orphans the sweeper
/// must remove. The sweeper runs every second with the shortest grace period the host accepts (1 min);
/// the test ages the files while the host is down instead of waiting the minute.
/// </remarks>
[Collection(CrashCollection.Name)]
public sealed class UploadCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Workers = 4;
    private const int ResentPerRestart = 3;
    private static readonly string[] ComponentNames = ["alpha", "beta"];

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["ExtensibilityHost__RateLimit__PermitsPerSecond"] = "1000000",
        ["ExtensibilityHost__RateLimit__Burst"] = "1000000",
        ["ExtensibilityHost__Upload__OrphanGracePeriod"] = "00:01:00",
        ["ExtensibilityHost__Upload__OrphanSweepInterval"] = "00:00:01",
    };

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("exthost-upload-crash-");
    private readonly string _adminKey = ApiKeySecret.Generate().Key;
    private readonly byte[] _handler = Guests.Component("event-handler.wat");
    private readonly List<Upload> _uploads = [];
    private readonly Lock _lock = new();
    private readonly Figures _figures = new();
    private int _nextIndex;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_HostKilledAtRandomPoints_NoAcknowledgedUploadIsLostRetriesGetTheOriginalVersionAndOrphansAreSwept()
    {
        var kills = Soak.Scale(5, 30);
        var seed = CrashSeed.Choose();
        var random = new Random(seed);
        var data = new HostData(_directory.FullName);
        var clock = Stopwatch.StartNew();
        string tenant = "", key = "";
        List<Upload> retries = [];
        try
        {
            for (var round = 0; round <= kills; round++)
            {
                var starting = Stopwatch.StartNew();
                using var host = await HostProcess.StartAsync(data.Directory, _adminKey, Settings);
                _figures.Starts.Add(starting.Elapsed);
                if (round == 0)
                {
                    (tenant, key) = await CreateTenantAsync(host);
                    Directory.CreateDirectory(data.BlobFolder(tenant));
                }

                using var client = host.Client(key);
                await RetryAsync(client, tenant, retries);
                await ResendAcknowledgedAsync(client, tenant, random);
                await WaitForTheSweepAsync(data, tenant);
                if (round == kills)
                {
                    await AssertRowsAndBlobsAgreeAsync(client, data, tenant);
                    break;
                }

                await UploadUntilKilledAsync(host, client, data, tenant, random);
                retries = await ClassifyAfterTheKillAsync(data, tenant, random);
                data.Age(tenant, TimeSpan.FromMinutes(2));
            }
        }
        finally
        {
            output.WriteLine($"seed {seed} ({CrashSeed.Variable}={seed} repeats the choices), {clock.Elapsed.TotalSeconds:N1} s");
            output.WriteLine(_figures.ToString());
        }

        Assert.Equal(kills, _figures.Kills);
        Assert.Equal(0, _figures.AcknowledgedThenLost);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    private async Task<(string Tenant, string Key)> CreateTenantAsync(HostProcess host)
    {
        using var admin = host.Client(_adminKey);
        var tenant = $"upcrash-{Guid.NewGuid():N}"[..20];
        using var created = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = tenant, name = tenant }, Cancellation);
        return (tenant, (await TestApi.JsonAsync(created, HttpStatusCode.Created)).Str("apiKey"));
    }

    /// <summary>
    /// Uploads new bytes from several clients at once until the host is killed: after a random
    /// warm-up, either right after the next blob appears plus 0–2 ms (which lands before, at or after
    /// its row's commit and its response) or at once.
    /// </summary>
    private async Task UploadUntilKilledAsync(HostProcess host, HttpClient client, HostData data, string tenant, Random random)
    {
        var warmUp = TimeSpan.FromMilliseconds(random.Next(300, 1_500));
        var afterABlob = random.Next(2) == 0;
        var delay = TimeSpan.FromMicroseconds(random.Next(0, 2_000));

        using var stop = new CancellationTokenSource();
        using var watcher = new FileSystemWatcher(data.BlobFolder(tenant), "*.wasm") { NotifyFilter = NotifyFilters.FileName };
        var blobWritten = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var workers = Enumerable.Range(0, Workers)
            .Select(w => Task.Run(() => WorkAsync(client, tenant, ComponentNames[w % ComponentNames.Length], stop.Token), Cancellation))
            .ToArray();

        await Task.Delay(warmUp, Cancellation);
        if (afterABlob)
        {
            // A put names its blob with link(2) (or rename(2) where links are missing).
            watcher.Created += (_, _) => blobWritten.TrySetResult();
            watcher.Renamed += (_, _) => blobWritten.TrySetResult();
            watcher.EnableRaisingEvents = true;
            await blobWritten.Task.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
            SpinFor(delay);
        }

        host.Kill();
        await stop.CancelAsync();
        _figures.Kills++;
        _figures.KillsAfterABlob += afterABlob ? 1 : 0;
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(HttpClient client, string tenant, string component, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Upload upload;
            lock (_lock)
            {
                upload = new Upload(_nextIndex, component, Guests.Tagged(_handler, $"upload {_nextIndex}"));
                _nextIndex++;
                _uploads.Add(upload);
            }

            var (sent, answer) = await SendAsync(client, tenant, upload);
            if (!sent)
            {
                // Sent after the kill: it never reached the host, so it never happened.
                lock (_lock)
                {
                    _uploads.Remove(upload);
                }

                return;
            }

            if (answer is null)
            {
                return;
            }

            Assert.True(answer.Status == HttpStatusCode.Created, $"upload {upload.Index}: new bytes answered {(int)answer.Status}");
            upload.Acknowledge(answer);
        }
    }

    /// <summary>
    /// The host's answer to an upload, or null when the kill left it without one; not sent when the
    /// host was dead already (the connection was refused).
    /// </summary>
    private static async Task<(bool Sent, Answer? Answer)> SendAsync(HttpClient client, string tenant, Upload upload)
    {
        try
        {
            using var response = await client.UploadAsync(tenant, upload.Component, upload.Bytes);
            var text = await response.Content.ReadAsStringAsync(Cancellation);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"upload {upload.Index}: {(int)response.StatusCode} {text}");
            var version = JsonNode.Parse(text)!;
            Assert.Equal(upload.Sha256, version.Str("sha256"));
            return (true, new Answer(response.StatusCode, Guid.Parse(version.Str("id")), version["version"]!.GetValue<int>()));
        }
        catch (HttpRequestException exception) when (exception.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return (false, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException)
        {
            // Killed before, while or after handling it: unknown to this client.
            return (true, null);
        }
    }

    /// <summary>
    /// With the host dead: every acknowledged upload has its row with its id; each unanswered one is
    /// classified by what it left (a row, a blob without a row, nothing), then picked to be retried
    /// after the restart or abandoned.
    /// </summary>
    private async Task<List<Upload>> ClassifyAfterTheKillAsync(HostData data, string tenant, Random random)
    {
        var rows = (await VersionsAsync(data, tenant)).ToDictionary(r => r.Sha256, StringComparer.Ordinal);
        var blobs = data.Blobs(tenant);
        _figures.Acknowledged = _uploads.Count(u => u.Id is not null);
        _figures.AcknowledgedThenLost = _uploads.Count(u => u.Id is { } id && !(rows.TryGetValue(u.Sha256, out var row) && row.Id == id));
        Assert.True(_figures.AcknowledgedThenLost == 0, $"{_figures.AcknowledgedThenLost} acknowledged upload(s) lost with the kill");

        var orphans = blobs.Keys.Count(sha => !rows.ContainsKey(sha));
        _figures.OrphanBlobs += orphans;
        _figures.OrphanTemporaries += data.Temporaries(tenant).Count;
        var unanswered = _uploads.Where(u => u is { Id: null, Stage: null }).ToList();
        Assert.Equal(orphans, unanswered.Count(u => !rows.ContainsKey(u.Sha256) && blobs.ContainsKey(u.Sha256)));
        List<Upload> retries = [];
        foreach (var upload in unanswered)
        {
            upload.Stage = rows.TryGetValue(upload.Sha256, out var row) ? Stage.Committed : blobs.ContainsKey(upload.Sha256) ? Stage.BlobOnly : Stage.Nothing;
            upload.CommittedId = row?.Id;
            _figures.Unanswered[upload.Stage.Value]++;
            if (random.Next(2) == 0)
            {
                _figures.Abandoned++;
                _figures.SweptBlobs += upload.Stage == Stage.BlobOnly ? 1 : 0;
            }
            else
            {
                retries.Add(upload);
            }
        }

        return retries;
    }

    /// <summary>The same bytes again: the version committed before the kill when there is one (200, same id), else a new one (201).</summary>
    private async Task RetryAsync(HttpClient client, string tenant, List<Upload> retries)
    {
        foreach (var upload in retries)
        {
            var (_, answer) = await SendAsync(client, tenant, upload);
            Assert.NotNull(answer);
            if (upload.CommittedId is { } committed)
            {
                Assert.True(answer.Status == HttpStatusCode.OK, $"upload {upload.Index}, committed before the kill: the retry answered {(int)answer.Status}");
                Assert.Equal(committed, answer.Id);
                _figures.RetriedGotTheOriginal++;
            }
            else
            {
                Assert.True(answer.Status == HttpStatusCode.Created, $"upload {upload.Index}, not committed before the kill: the retry answered {(int)answer.Status}");
                _figures.RetriedGotANewVersion++;
            }

            upload.Acknowledge(answer);
        }
    }

    /// <summary>Some acknowledged uploads sent again after the restart: each answers 200 with the version it was acknowledged with.</summary>
    private async Task ResendAcknowledgedAsync(HttpClient client, string tenant, Random random)
    {
        var acknowledged = _uploads.Where(u => u.Id is not null).ToList();
        for (var i = 0; i < ResentPerRestart && acknowledged.Count > 0; i++)
        {
            var upload = acknowledged[random.Next(acknowledged.Count)];
            var (_, answer) = await SendAsync(client, tenant, upload);
            Assert.NotNull(answer);
            Assert.Equal((HttpStatusCode.OK, upload.Id, upload.Number), (answer.Status, (Guid?)answer.Id, (int?)answer.Number));
            _figures.Resent++;
        }
    }

    /// <summary>Waits for the restarted host's sweeper to leave no blob without a row and no temporary (at most 30 s).</summary>
    private static async Task WaitForTheSweepAsync(HostData data, string tenant)
    {
        for (var attempt = 0; ; attempt++)
        {
            var referenced = (await VersionsAsync(data, tenant)).Select(r => r.Sha256).ToHashSet(StringComparer.Ordinal);
            var orphans = data.Blobs(tenant).Keys.Count(sha => !referenced.Contains(sha));
            var temporaries = data.Temporaries(tenant).Count;
            if (orphans == 0 && temporaries == 0)
            {
                return;
            }

            Assert.True(attempt < 300, $"after 30 s, {orphans} orphaned blob(s) and {temporaries} temporary file(s) are left");
            await Task.Delay(100, Cancellation);
        }
    }

    /// <summary>
    /// In the end: one blob per row and one row per blob, each blob's content hashing to its name;
    /// every acknowledged upload listed by the API with its id and number; numbers without gaps.
    /// </summary>
    private async Task AssertRowsAndBlobsAgreeAsync(HttpClient client, HostData data, string tenant)
    {
        var rows = await VersionsAsync(data, tenant);
        var blobs = data.Blobs(tenant);
        Assert.Equal(rows.Select(r => r.Sha256).Order(StringComparer.Ordinal), blobs.Keys.Order(StringComparer.Ordinal));
        foreach (var (sha256, file) in blobs)
        {
            Assert.Equal(sha256, ComponentHash.Of(await File.ReadAllBytesAsync(file.FullName, Cancellation)));
        }

        Assert.Empty(data.Temporaries(tenant));
        var acknowledged = _uploads.Where(u => u.Id is not null).ToList();
        var committedAbandoned = _uploads.Count(u => u is { Id: null, Stage: Stage.Committed });
        Assert.Equal(acknowledged.Count + committedAbandoned, rows.Count);
        foreach (var component in ComponentNames)
        {
            var listed = (await client.GetJsonAsync(TestApi.Versions(tenant, component))).AsArray()
                .ToDictionary(v => Guid.Parse(v!.Str("id")), v => (Number: v!["version"]!.GetValue<int>(), Sha256: v.Str("sha256")));
            Assert.Equal(Enumerable.Range(1, listed.Count), listed.Values.Select(v => v.Number).Order());
            foreach (var upload in acknowledged.Where(u => u.Component == component))
            {
                Assert.True(listed.TryGetValue(upload.Id!.Value, out var version), $"upload {upload.Index}: acknowledged as {upload.Id}, not listed");
                Assert.Equal((upload.Number!.Value, upload.Sha256), version);
            }
        }

        _figures.Acknowledged = acknowledged.Count;
        _figures.Rows = rows.Count;

        // Not swept by anything; printed to see whether kills leave them.
        var artifacts = new DirectoryInfo(Path.Combine(data.Directory, "artifacts"));
        _figures.ArtifactTemporaries = artifacts.Exists ? artifacts.EnumerateFiles("*.tmp", SearchOption.AllDirectories).Count() : 0;
    }

    private static Task<List<VersionRow>> VersionsAsync(HostData data, string tenant) => data.QueryAsync(
        "SELECT Id, ComponentName, Number, Sha256 FROM Versions WHERE TenantId = @tenant",
        r => new VersionRow(Guid.Parse(r.GetString(0)), r.GetString(1), r.GetInt32(2), r.GetString(3)),
        ("@tenant", tenant));

    private static void SpinFor(TimeSpan time)
    {
        // Task.Delay's timer is too coarse for the few milliseconds between a blob and its response.
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < time)
        {
            Thread.SpinWait(20);
        }
    }

    private enum Stage
    {
        /// <summary>The row committed; only the response was lost.</summary>
        Committed,

        /// <summary>The blob was written, its row not committed: an orphan.</summary>
        BlobOnly,

        /// <summary>Killed before the blob was named (while validating, or mid-put: a temporary at most).</summary>
        Nothing,
    }

    private sealed record VersionRow(Guid Id, string Component, int Number, string Sha256);

    private sealed record Answer(HttpStatusCode Status, Guid Id, int Number);

    private sealed class Upload(int index, string component, byte[] bytes)
    {
        public int Index { get; } = index;

        public string Component { get; } = component;

        public byte[] Bytes { get; } = bytes;

        public string Sha256 { get; } = ComponentHash.Of(bytes);

        /// <summary>The version the host answered with; null while it has not answered.</summary>
        public Guid? Id { get; private set; }

        public int? Number { get; private set; }

        /// <summary>What an unanswered upload left at the kill.</summary>
        public Stage? Stage { get; set; }

        /// <summary>The row an unanswered upload left at the kill.</summary>
        public Guid? CommittedId { get; set; }

        public void Acknowledge(Answer answer) => (Id, Number) = (answer.Id, answer.Number);
    }

    private sealed class Figures
    {
        public int Kills { get; set; }

        public int KillsAfterABlob { get; set; }

        public int Acknowledged { get; set; }

        public int AcknowledgedThenLost { get; set; }

        public Dictionary<Stage, int> Unanswered { get; } = Enum.GetValues<Stage>().ToDictionary(s => s, _ => 0);

        public int RetriedGotTheOriginal { get; set; }

        public int RetriedGotANewVersion { get; set; }

        public int Abandoned { get; set; }

        public int Resent { get; set; }

        public int OrphanBlobs { get; set; }

        public int OrphanTemporaries { get; set; }

        public int SweptBlobs { get; set; }

        public int Rows { get; set; }

        public int ArtifactTemporaries { get; set; }

        public List<TimeSpan> Starts { get; } = [];

        public override string ToString() =>
            $"host starts: {Starts.Count}, {Starts.Average(s => s.TotalSeconds):N1} s each on average\n"
            + $"kills: {Kills} ({KillsAfterABlob} 0-2 ms after a blob was written, {Kills - KillsAfterABlob} at a random time)\n"
            + $"uploads acknowledged: {Acknowledged}; acknowledged then lost: {AcknowledgedThenLost}\n"
            + $"unanswered at the kills: {Unanswered[Stage.Committed]} committed (response lost), {Unanswered[Stage.BlobOnly]} blob without a row, {Unanswered[Stage.Nothing]} nothing named\n"
            + $"retried after the restart: {RetriedGotTheOriginal + RetriedGotANewVersion} ({RetriedGotTheOriginal} got the original version with 200, {RetriedGotANewVersion} a new one with 201); abandoned: {Abandoned}; "
            + $"acknowledged uploads re-sent: {Resent}, each 200 with its version\n"
            + $"orphans after the kills: {OrphanBlobs} blob(s) and {OrphanTemporaries} temporary file(s); swept: {SweptBlobs} blob(s) of abandoned uploads and every temporary (the retried uploads' blobs were kept or stored again by their retry); left: 0\n"
            + $"in the end: {Rows} rows, {Rows} blobs, one to one; {ArtifactTemporaries} temporary file(s) of interrupted artifact-cache writes";
    }
}
