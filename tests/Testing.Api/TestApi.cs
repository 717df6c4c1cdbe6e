using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace ExtensibilityHost.Testing.Api;

/// <summary>Calls and assertions shared by the tests.</summary>
public static class TestApi
{
    public const string ProblemBase = "https://extensibilityhost.dev/problems/";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static string Versions(string tenant, string component) => $"/api/v1/tenants/{tenant}/components/{component}/versions";

    public static Task<HttpResponseMessage> UploadAsync(this HttpClient client, string tenant, string component, byte[] bytes, bool gzip = false) =>
        client.PostAsync(Versions(tenant, component), WasmContent(bytes, gzip), Cancellation);

    public static ByteArrayContent WasmContent(byte[] bytes, bool gzip = false)
    {
        var content = new ByteArrayContent(gzip ? TestWasm.Gzip(bytes) : bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/wasm");
        if (gzip)
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        return content;
    }

    /// <summary>Uploads and returns the version document; fails unless the status is <paramref name="expected"/>.</summary>
    public static async Task<JsonObject> UploadVersionAsync(
        this HttpClient client, string tenant, string component, byte[] bytes, HttpStatusCode expected = HttpStatusCode.Created)
    {
        using var response = await client.UploadAsync(tenant, component, bytes);
        return await JsonAsync(response, expected);
    }

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient client, string versionId, string decision, string? reason = null) =>
        decision == "reject"
            ? client.PostAsJsonAsync($"/api/v1/admin/reviews/{versionId}/reject", new { reason }, Cancellation)
            : client.PostAsync($"/api/v1/admin/reviews/{versionId}/{decision}", null, Cancellation);

    public static async Task<JsonObject> DecideVersionAsync(this HttpClient admin, string versionId, string decision, string? reason = null)
    {
        using var response = await admin.DecideAsync(versionId, decision, reason);
        return await JsonAsync(response, HttpStatusCode.OK);
    }

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path, Cancellation);
        return await NodeAsync(response, HttpStatusCode.OK);
    }

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response, HttpStatusCode expected) =>
        (await NodeAsync(response, expected)).AsObject();

    public static async Task<JsonNode> NodeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Asserts a problem+json response with the given status and type (the part after the base URI).</summary>
    public static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == status, $"expected {(int)status} {type}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(ProblemBase + type, problem["type"]?.GetValue<string>());
        Assert.Equal((int)status, problem["status"]?.GetValue<int>());
        return problem;
    }

    public static string Str(this JsonNode node, string property) => node[property]!.GetValue<string>();
}
