using System.Net.Http.Headers;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>A tenant's components and versions; uploads: <c>/api/v1/tenants/{tenant}/components</c>.</summary>
public sealed class ComponentsClient
{
    private const int ProgressChunk = 81920;

    private readonly ApiTransport _transport;

    internal ComponentsClient(ApiTransport transport) => _transport = transport;

    /// <summary>
    /// Uploads a component binary as the next version of <paramref name="component"/>: a new pending
    /// version, or the existing one when these bytes were uploaded to the component before
    /// (<see cref="ComponentUpload.Created"/> false). Refusals are <see cref="ComponentRejectedException"/>.
    /// <paramref name="progress"/> hears the bytes sent so far. Not retried automatically.
    /// </summary>
    public async Task<ComponentUpload> UploadAsync(
        string tenant, string component, Stream content, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var body = new ProgressStreamContent(content, progress, ProgressChunk);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/wasm");
        var (version, status) = await _transport.SendWithStatusAsync<VersionInfo>(HttpMethod.Post, VersionsPath(tenant, component), body, cancellationToken);
        return new ComponentUpload(version, status == System.Net.HttpStatusCode.Created);
    }

    /// <summary>The tenant's components.</summary>
    public Task<List<ComponentInfo>> ListAsync(string tenant, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<ComponentInfo>>($"/api/v1/tenants/{ApiTransport.Segment(tenant)}/components", cancellationToken);

    /// <summary>The component's versions, oldest first.</summary>
    public Task<List<VersionInfo>> ListVersionsAsync(string tenant, string component, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<VersionInfo>>(VersionsPath(tenant, component), cancellationToken);

    /// <summary>One version by number.</summary>
    public Task<VersionInfo> GetVersionAsync(string tenant, string component, int version, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<VersionInfo>($"{VersionsPath(tenant, component)}/{version}", cancellationToken);

    private static string VersionsPath(string tenant, string component) =>
        $"/api/v1/tenants/{ApiTransport.Segment(tenant)}/components/{ApiTransport.Segment(component)}/versions";
}
