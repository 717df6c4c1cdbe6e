using System.Text.Json;
using ExtensibilityHost.Core.ExtensionPoints;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Api.Endpoints.ExtensionPoints;

/// <summary>The answer of an extension point: the extension's output, or the point's default under fail-open.</summary>
internal sealed record ExtensionPointInvokeResponse(
    string Point, JsonElement? Output, bool UsedDefault, string? Outcome, string? Trap, string? Error, double DurationMs,
    Guid? InvocationId, string? Component, int? Version)
{
    public static ExtensionPointInvokeResponse From(ExtensionPointResult result) => new(
        result.Point, result.Output, result.UsedDefault, result.Outcome?.ToWireName(), result.Trap?.ToWireName(),
        result.UsedDefault ? result.Error : null, Math.Round(result.DurationMs, 3), result.InvocationId, result.ComponentName, result.VersionNumber);
}
