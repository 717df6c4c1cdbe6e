namespace ExtensibilityHost.Api.Endpoints.Tenants;

/// <summary>Body of <c>POST /api/v1/tenants/{tenant}/keys</c>.</summary>
internal sealed record IssueKeyRequest
{
    /// <summary>What the key is for (shown in listings and audits); defaults to "{tenant} key".</summary>
    public string? Name { get; init; }
}
