using System.Text.Json;

namespace ExtensibilityHost.Api.Tests;

/// <summary>A thousand malformed uploads against the real upload path: each one a problem, none of them a row or a blob.</summary>
[Collection(ApiCollection.Name)]
public sealed class MalformedUploadTests(ApiFixture fixture)
{
    private const int Uploads = 1000;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Upload_AThousandMalformedComponents_EachIsAClientProblemThatWritesNothing()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("fuzz");
        using var _ = client;
        var cases = MalformedUploads.Generate(
            [
                ("event-handler", Guests.Component("event-handler.wat")),
                ("point-echo", Guests.Component("point-echo.wat")),
                ("key-value", Guests.Component("key-value.wat")),
            ],
            Uploads,
            ApiHost.MaxComponentBytes);
        Assert.Equal(Uploads, cases.Count);

        // The structured cases answer with the problem their fault calls for.
        Dictionary<string, string> expected = new()
        {
            ["empty"] = "component-empty",
            ["text, not binary"] = "component-not-wasm",
            ["core module"] = "component-is-core-module",
            ["component of no known world"] = "component-world-mismatch",
            ["over the size cap"] = "payload-too-large",
            ["gzip bomb (64 MiB of zeros)"] = "payload-too-large",
        };
        Dictionary<string, int> types = [];
        List<string> accepted = [];
        foreach (var upload in cases)
        {
            using var response = await client.UploadAsync(tenant, "fuzz", upload.Bytes, upload.Gzip);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                // A bit flip can leave a valid component (a changed constant, a changed name).
                Assert.StartsWith("flip ", upload.Name, StringComparison.Ordinal);
                accepted.Add(upload.Name);
                continue;
            }

            var body = await response.Content.ReadAsStringAsync(Cancellation);
            Assert.True((int)response.StatusCode is >= 400 and < 500, $"{upload.Name}: {(int)response.StatusCode} {body}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var uri = JsonDocument.Parse(body).RootElement.GetProperty("type").GetString();
            Assert.False(string.IsNullOrEmpty(uri), $"{upload.Name}: a problem without a type: {body}");
            var type = uri[(uri.LastIndexOf('/') + 1)..];
            types[type] = types.GetValueOrDefault(type) + 1;
            if (expected.TryGetValue(upload.Name, out var wanted))
            {
                Assert.Equal(wanted, type);
            }
            else if (upload.Name.Contains(" cut at ", StringComparison.Ordinal))
            {
                Assert.True(type is "component-truncated" or "component-invalid", $"{upload.Name}: {type}");
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Uploads} uploads: {string.Join(", ", types.OrderByDescending(t => t.Value).Select(t => $"{t.Key} {t.Value}"))}; accepted (valid after a flip) {accepted.Count}");
        var (_, versions, _) = await fixture.Host.RowsAsync(tenant);
        Assert.Equal(accepted.Count, versions);
        Assert.Equal(accepted.Count, (await fixture.Host.BlobsAsync(tenant)).Count);
        Assert.True(accepted.Count < Uploads / 4, $"{accepted.Count} flips were accepted: the mutations mostly missed");
        using var anonymous = fixture.Host.Client(null);
        using var ready = await anonymous.GetAsync("/health/ready", Cancellation);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }
}
