using System.Text.Json;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Log;

namespace ExtensibilityHost.Api.Endpoints.Invocations;

/// <summary>
/// One recorded invocation of tenant code, with its guest log lines and, when recorded, its input
/// (<c>{target, args}</c>) and output (WIT JSON), redacted; null when not recorded or over the cap.
/// </summary>
internal sealed record InvocationResponse(
    Guid Id, string Component, int? Version, Guid? VersionId, string Target, string? EventId, string Outcome, string? Trap,
    double DurationMs, long? FuelConsumed, long MemoryLimitBytes, JsonElement Logs, int LogsDropped, string? Error, DateTime StartedAt,
    JsonElement? Input, JsonElement? Output)
{
    public static InvocationResponse From(InvocationRecord r)
    {
        using var logs = JsonDocument.Parse(r.LogsJson);
        return new(r.Id, r.ComponentName, r.VersionNumber, r.VersionId, r.Target, r.EventId, r.Outcome, r.Trap, r.DurationMs,
            r.FuelConsumed, r.MemoryLimitBytes, logs.RootElement.Clone(), r.LogsDropped, r.Error, r.StartedAt, Parse(r.InputJson), Parse(r.OutputJson));
    }

    private static JsonElement? Parse(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
