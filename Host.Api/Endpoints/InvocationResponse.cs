using System.Text.Json;
using ExtensibilityHost.Core.Invocations;

namespace ExtensibilityHost.Api.Endpoints;

/// <summary>
/// One recorded invocation of tenant code, with its guest log lines and, when recorded, its input
/// (<c>{target, args}</c>, redacted; null when inputs are not recorded or it was over the cap).
/// </summary>
internal sealed record InvocationResponse(
    Guid Id, string Component, int? Version, Guid? VersionId, string Target, string? EventId, string Outcome, string? Trap,
    double DurationMs, long? FuelConsumed, long MemoryLimitBytes, JsonElement Logs, int LogsDropped, string? Error, DateTime StartedAt,
    JsonElement? Input)
{
    public static InvocationResponse From(InvocationRecord r)
    {
        using var logs = JsonDocument.Parse(r.LogsJson);
        using var input = r.InputJson is null ? null : JsonDocument.Parse(r.InputJson);
        return new(r.Id, r.ComponentName, r.VersionNumber, r.VersionId, r.Target, r.EventId, r.Outcome, r.Trap, r.DurationMs,
            r.FuelConsumed, r.MemoryLimitBytes, logs.RootElement.Clone(), r.LogsDropped, r.Error, r.StartedAt, input?.RootElement.Clone());
    }
}
