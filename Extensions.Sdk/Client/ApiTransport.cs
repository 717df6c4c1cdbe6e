using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>Sends a request, reads the JSON answer, and turns a problem into its typed exception.</summary>
internal sealed class ApiTransport(HttpClient http)
{
    /// <summary>The host's JSON: camelCase, enums as kebab-case strings.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public HttpClient Http => http;

    public static string Segment(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        return Uri.EscapeDataString(value);
    }

    public Task<T> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Get, path, null, cancellationToken);

    public Task<T> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Post, path, body is null ? null : JsonContent.Create(body, options: Json), cancellationToken);

    public Task<T> PutAsync<T>(string path, object body, CancellationToken cancellationToken) =>
        SendAsync<T>(HttpMethod.Put, path, JsonContent.Create(body, options: Json), cancellationToken);

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        using var response = await http.SendAsync(request, cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
    }

    public async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken) =>
        (await SendWithStatusAsync<T>(method, path, content, cancellationToken)).Body;

    public async Task<(T Body, HttpStatusCode Status)> SendWithStatusAsync<T>(
        HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await ThrowIfProblemAsync(response, cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
            ?? throw new ExtensibilityHostException(ExtensibilityHostProblem.Unreadable((int)response.StatusCode, "The host answered with an empty body."));
        return (body, response.StatusCode);
    }

    private static async Task ThrowIfProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw ProblemExceptions.For(await ExtensibilityHostProblem.ReadAsync(response, cancellationToken));
        }
    }
}
