using System.Text.Json;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Portal;

/// <summary>Reads an invocation record's stored log lines (<c>[{level, message, elapsedMs, source}]</c>) back into lines.</summary>
internal static class LogJson
{
    public static IReadOnlyList<GuestLogLine> Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(line => new GuestLogLine(
            Enum.TryParse<GuestLogLevel>(line.GetProperty("level").GetString(), ignoreCase: true, out var level) ? level : GuestLogLevel.Info,
            line.GetProperty("message").GetString() ?? "",
            TimeSpan.FromMilliseconds(line.GetProperty("elapsedMs").GetDouble()),
            line.TryGetProperty("source", out var source) && Enum.TryParse<GuestLogSource>(source.GetString(), ignoreCase: true, out var parsed) ? parsed : GuestLogSource.Log))];
    }
}
