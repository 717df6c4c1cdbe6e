namespace ExtensibilityHost.Testing.Api;

/// <summary>
/// In front of every client of an <see cref="ApiHost"/>: hands each response (status line,
/// headers, body) and the key the request sent to the host's <see cref="LeakWatch"/>, so a
/// response or log line that leaks fails the request that revealed it. Every test of the API
/// suite is thereby also a leak test.
/// </summary>
public sealed class LeakGuard(LeakWatch watch) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType == "text/event-stream")
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var sentKey = request.Headers.Authorization is { Scheme: "Bearer", Parameter: { Length: > 0 } key } ? key : null;
        watch.CheckResponse(
            $"{request.Method} {request.RequestUri?.PathAndQuery}",
            sentKey,
            $"{(int)response.StatusCode} {response.ReasonPhrase}\n{response.Headers}{response.Content.Headers}\n{body}");
        return response;
    }
}
