using System.Net.Http.Headers;
using System.Text.Json;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>An RFC 9457 problem the host answered with (docs/api.md lists every <see cref="Type"/>).</summary>
public sealed record ExtensibilityHostProblem
{
    /// <summary>The problem types' common prefix.</summary>
    public const string TypeBase = "https://extensibilityhost.dev/problems/";

    /// <summary>The stable type URI, e.g. <c>https://extensibilityhost.dev/problems/timeout</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The part of <see cref="Type"/> after the base, e.g. <c>timeout</c>.</summary>
    public string Name => Type.StartsWith(TypeBase, StringComparison.Ordinal) ? Type[TypeBase.Length..] : Type;

    /// <summary>The HTTP status.</summary>
    public required int Status { get; init; }

    /// <summary>A short summary.</summary>
    public string? Title { get; init; }

    /// <summary>What happened and, usually, what to do.</summary>
    public string? Detail { get; init; }

    /// <summary>The host's trace id of the request, to look it up in the host's log.</summary>
    public string? TraceId { get; init; }

    /// <summary><c>Retry-After</c>, when the host sent one.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Every member of the problem document, extensions included (e.g. <c>outcome</c>, <c>errors</c>, <c>problems</c>).</summary>
    public JsonElement Document { get; init; }

    /// <summary>An extension member of the document, if present.</summary>
    public JsonElement? Member(string name) =>
        Document.ValueKind == JsonValueKind.Object && Document.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    internal static ExtensibilityHostProblem Unreadable(int status, string detail) => new()
    {
        Type = "about:blank",
        Status = status,
        Title = "Unexpected answer",
        Detail = detail,
    };

    internal static async Task<ExtensibilityHostProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var retryAfter = RetryAfterOf(response.Headers.RetryAfter);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement.Clone();
            string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            return new ExtensibilityHostProblem
            {
                Type = Text("type") ?? "about:blank",
                Status = status,
                Title = Text("title"),
                Detail = Text("detail"),
                TraceId = Text("traceId"),
                RetryAfter = retryAfter,
                Document = root,
            };
        }
        catch (JsonException)
        {
            // Not the host's problem document: a proxy's error page, say.
            var excerpt = text.Length > 300 ? text[..300] + "…" : text;
            return Unreadable(status, $"HTTP {status} {response.ReasonPhrase}: {excerpt}") with { RetryAfter = retryAfter };
        }
    }

    private static TimeSpan? RetryAfterOf(RetryConditionHeaderValue? header) =>
        header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
}
