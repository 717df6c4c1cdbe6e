using System.Globalization;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>How <c>run</c>, <c>test</c>, <c>logs</c> and <c>replay</c> show a call: one JSON shape and one text shape.</summary>
internal static class CallReport
{
    /// <summary>The call as JSON: outcome, output, duration, fuel, logs (and trap, error, dropped log lines when there are any).</summary>
    public static JsonObject Json(InvocationResult result, JsonNode? output)
    {
        var json = new JsonObject
        {
            ["outcome"] = result.Outcome.ToWireName(),
            ["output"] = output,
            ["durationMs"] = Math.Round(result.Duration.TotalMilliseconds, 3),
            ["fuelConsumed"] = result.FuelConsumed,
            ["logs"] = new JsonArray([.. result.Logs.Select(line => (JsonNode)new JsonObject
            {
                ["level"] = line.Level.ToString().ToLowerInvariant(),
                ["message"] = line.Message,
                ["elapsedMs"] = Math.Round(line.Elapsed.TotalMilliseconds, 3),
                ["source"] = line.Source.ToWireName(),
            })]),
        };
        if (result.LogsDropped > 0)
        {
            json["logsDropped"] = result.LogsDropped;
        }

        if (result.Trap is { } trap)
        {
            json["trap"] = trap.ToWireName();
        }

        if (result.Error is { } error)
        {
            json["error"] = error;
        }

        return json;
    }

    /// <summary>One line: <c>ok in 1.234 ms, 56,789 fuel</c>, or the outcome with its trap and error.</summary>
    public static string Headline(string outcome, double durationMs, long? fuel, string? trap, string? error)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{outcome} in {durationMs:0.###} ms");
        if (fuel is { } consumed)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", {consumed:N0} fuel");
        }

        if (trap is not null)
        {
            line += $" (trap: {trap})";
        }

        return error is null ? line : $"{line}: {error}";
    }

    public static string Headline(InvocationResult result) => Headline(
        result.Outcome.ToWireName(), result.Duration.TotalMilliseconds, (long?)result.FuelConsumed, result.Trap?.ToWireName(), result.Error);

    /// <summary>The guest's log lines, one per line: source, level, message.</summary>
    public static async Task WriteLogsAsync(TextWriter output, IEnumerable<(string Source, string Level, string Message)> lines, int dropped, string indent = "  ")
    {
        var any = false;
        foreach (var (source, level, message) in lines)
        {
            any = true;
            await output.WriteLineAsync($"{indent}{source,-6} {level,-5} {message}");
        }

        if (!any)
        {
            await output.WriteLineAsync($"{indent}(no log lines)");
        }

        if (dropped > 0)
        {
            await output.WriteLineAsync($"{indent}… {dropped} more line(s) dropped (over the log cap)");
        }
    }

    public static IEnumerable<(string, string, string)> Lines(InvocationResult result) =>
        result.Logs.Select(l => (l.Source.ToWireName(), l.Level.ToString().ToLowerInvariant(), l.Message));
}
