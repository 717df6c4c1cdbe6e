using System.Text.Encodings.Web;
using System.Text.Json;

namespace ExtensibilityHost.Sdk.Cli;

/// <summary>
/// How <c>ext</c> writes JSON: for a terminal and for scripts, so quotes and non-ASCII text stay
/// as they are (<c>"</c>, not <c>\u0022</c>); it never ends up in HTML.
/// </summary>
internal static class CliJson
{
    /// <summary>One JSON document per command, indented.</summary>
    public static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One JSON value per line (<c>run</c>, <c>logs --json</c>, errors).</summary>
    public static readonly JsonSerializerOptions Line = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
