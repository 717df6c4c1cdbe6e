using System.Text.Json;

namespace ExtensibilityHost.Api.Endpoints.ExtensionPoints;

/// <summary>Body of <c>POST /api/v1/tenants/{tenant}/extension-points/{point}/invoke</c>.</summary>
internal sealed record InvokeExtensionPointRequest
{
    /// <summary>The point's input as JSON, converted by the point's WIT types (typed points) or passed as JSON text (generic points).</summary>
    public JsonElement Input { get; init; }
}
