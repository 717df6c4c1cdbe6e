using System.Text.Json;

namespace ExtensibilityHost.Api.Endpoints.Invocations;

/// <summary>Body of <c>POST /api/v1/tenants/{tenant}/components/{name}/invoke/{interface}/{function}</c>.</summary>
internal sealed record InvokeExportRequest
{
    /// <summary>One JSON value per parameter, converted by the function's own WIT types.</summary>
    public JsonElement Args { get; init; }
}
