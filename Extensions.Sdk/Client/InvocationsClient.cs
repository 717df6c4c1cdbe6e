using System.Globalization;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>The invocation log: <c>/api/v1/tenants/{tenant}/invocations</c>.</summary>
public sealed class InvocationsClient
{
    private readonly ApiTransport _transport;

    internal InvocationsClient(ApiTransport transport) => _transport = transport;

    /// <summary>A page of the tenant's invocations, newest first.</summary>
    public Task<InvocationPage> ListAsync(string tenant, InvocationFilter? filter = null, CancellationToken cancellationToken = default)
    {
        filter ??= new InvocationFilter();
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }

        Add("component", filter.Component);
        Add("outcome", filter.Outcome);
        Add("eventId", filter.EventId);
        Add("from", filter.From?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        Add("offset", filter.Offset?.ToString(CultureInfo.InvariantCulture));
        Add("limit", filter.Limit?.ToString(CultureInfo.InvariantCulture));
        var suffix = query.Count == 0 ? "" : "?" + string.Join('&', query);
        return _transport.GetAsync<InvocationPage>($"/api/v1/tenants/{ApiTransport.Segment(tenant)}/invocations{suffix}", cancellationToken);
    }

    /// <summary>One invocation, with its recorded input and output.</summary>
    public Task<InvocationInfo> GetAsync(string tenant, Guid invocationId, CancellationToken cancellationToken = default) =>
        _transport.GetAsync<InvocationInfo>($"/api/v1/tenants/{ApiTransport.Segment(tenant)}/invocations/{invocationId}", cancellationToken);
}
