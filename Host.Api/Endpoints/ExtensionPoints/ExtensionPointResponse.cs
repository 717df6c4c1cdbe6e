using System.Text.Json;
using ExtensibilityHost.Core.ExtensionPoints;

namespace ExtensibilityHost.Api.Endpoints.ExtensionPoints;

/// <summary>A configured extension point.</summary>
internal sealed record ExtensionPointResponse(
    string Name, string Kind, string Target, double TimeoutMs, long MemoryBytes, ulong? Fuel, string FailurePolicy, JsonElement? Default)
{
    public static ExtensionPointResponse From(ExtensionPointDefinition point) => new(
        point.Name,
        point.Kind == ExtensionPointKind.Generic ? "generic" : "typed",
        point.Target.ToString(),
        point.Limits.Timeout.TotalMilliseconds,
        point.Limits.MemoryBytes,
        point.Limits.Fuel,
        point.FailurePolicy == ExtensionPointFailurePolicy.FailOpen ? "fail-open" : "fail-closed",
        point.Default);
}
