using System.Text.Json;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>Review decisions, for admin keys: <c>/api/v1/admin/reviews</c>.</summary>
public sealed class ReviewsClient
{
    private readonly ApiTransport _transport;

    internal ReviewsClient(ApiTransport transport) => _transport = transport;

    /// <summary>Versions waiting for a decision, oldest first (each with its capability diff as JSON).</summary>
    public Task<List<JsonElement>> QueueAsync(CancellationToken cancellationToken = default) =>
        _transport.GetAsync<List<JsonElement>>("/api/v1/admin/reviews?status=pending", cancellationToken);

    /// <summary>Approves a pending version; it becomes active.</summary>
    public Task<VersionInfo> ApproveAsync(Guid versionId, string? reason = null, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<VersionInfo>($"/api/v1/admin/reviews/{versionId}/approve", new { reason }, cancellationToken);

    /// <summary>Rejects a pending version with a reason the tenant sees.</summary>
    public Task<VersionInfo> RejectAsync(Guid versionId, string reason, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<VersionInfo>($"/api/v1/admin/reviews/{versionId}/reject", new { reason }, cancellationToken);

    /// <summary>Makes a superseded version active again.</summary>
    public Task<VersionInfo> RollbackAsync(Guid versionId, string? reason = null, CancellationToken cancellationToken = default) =>
        _transport.PostAsync<VersionInfo>($"/api/v1/admin/reviews/{versionId}/rollback", new { reason }, cancellationToken);
}
