namespace ExtensibilityHost.Api.Endpoints.ExtensionPoints;

/// <summary>Body of <c>PUT /api/v1/tenants/{tenant}/extension-points/{point}/binding</c>.</summary>
internal sealed record BindExtensionPointRequest
{
    /// <summary>The tenant's component that serves the point.</summary>
    public string Component { get; init; } = "";
}
