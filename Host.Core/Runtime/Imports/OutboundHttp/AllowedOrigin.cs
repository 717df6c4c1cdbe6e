namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// One origin an admin allowed a tenant's component to reach through <c>outbound-http</c>, with who
/// allowed it and when (the list's audit: a change keeps the entries it does not remove).
/// </summary>
public sealed class AllowedOrigin
{
    /// <summary>The owning tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The component.</summary>
    public required string ComponentName { get; init; }

    /// <summary>The origin as <see cref="OutboundOrigin.ToString"/> writes it, e.g. <c>https://api.example.com</c>.</summary>
    public required string Origin { get; init; }

    /// <summary>Who allowed it: the admin key's name and id.</summary>
    public required string AddedBy { get; init; }

    /// <summary>When it was allowed (UTC).</summary>
    public required DateTime AddedAt { get; init; }
}
