using System.Buffers;
using System.Text;
using System.Text.Json;
using ExtensibilityHost.Core.Invocations.Running;
using ExtensibilityHost.Core.Persistence.Configurations;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>Turns a sandboxed call into its row in the invocation log.</summary>
internal static class InvocationRecordFactory
{
    public static InvocationRecord Create(
        Guid id, PreparedExtension extension, ExtensionRunRequest request, InvocationResult result, DateTime startedAt, string? inputJson, string? outputJson) => new()
        {
            Id = id,
            TenantId = extension.TenantId,
            ComponentName = extension.ComponentName,
            VersionId = extension.Version.Id,
            VersionNumber = extension.Version.Number,
            Target = Lengths.Fit(request.Label ?? request.Target.ToString(), Lengths.Target),
            EventId = request.EventId is null ? null : Lengths.Fit(request.EventId, Lengths.Name),
            Outcome = result.Outcome.ToWireName(),
            Trap = result.Trap?.ToWireName(),
            DurationMs = result.Duration.TotalMilliseconds,
            FuelConsumed = result.FuelConsumed is { } fuel ? (long)Math.Min(fuel, long.MaxValue) : null,
            MemoryLimitBytes = result.Limits.MemoryBytes,
            LogsJson = LogsJson(result.Logs),
            LogsDropped = result.LogsDropped,
            InputJson = inputJson,
            OutputJson = outputJson,
            Error = result.Error is null ? null : Lengths.Fit(result.Error, Lengths.Reason),
            StartedAt = startedAt,
        };

    /// <summary>Guest log lines as a JSON array of <c>{"level": "info", "message": "…", "elapsedMs": 1.25, "source": "log"}</c>.</summary>
    public static string LogsJson(IReadOnlyList<GuestLogLine> lines)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var line in lines)
            {
                writer.WriteStartObject();
                writer.WriteString("level", LevelName(line.Level));
                writer.WriteString("message", line.Message);
                writer.WriteNumber("elapsedMs", Math.Round(line.Elapsed.TotalMilliseconds, 3));
                writer.WriteString("source", line.Source.ToWireName());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string LevelName(GuestLogLevel level) => level switch
    {
        GuestLogLevel.Trace => "trace",
        GuestLogLevel.Debug => "debug",
        GuestLogLevel.Info => "info",
        GuestLogLevel.Warn => "warn",
        _ => "error",
    };
}
