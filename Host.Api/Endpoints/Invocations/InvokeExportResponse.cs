using System.Text.Json;
using ExtensibilityHost.Api.Endpoints.Shared;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Api.Endpoints.Invocations;

/// <summary>The result of a typed call: the return value as JSON, with what the log recorded.</summary>
internal sealed record InvokeExportResponse(
    JsonElement? Output, string Outcome, double DurationMs, Guid? InvocationId, int? Version, IReadOnlyList<GuestLogResponse> Logs)
{
    public static InvokeExportResponse From(ExtensionCallResult result) => new(
        result.Output,
        (result.Outcome ?? InvocationOutcome.Ok).ToWireName(),
        Math.Round(result.DurationMs, 3),
        result.InvocationId,
        result.VersionNumber,
        [.. (result.Invocation?.Logs ?? []).Select(GuestLogResponse.From)]);
}
