using System.Globalization;

namespace ExtensibilityHost.Portal;

/// <summary>How the portal writes sizes, durations, times and hashes.</summary>
internal static class Display
{
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KiB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.##", CultureInfo.InvariantCulture) + " MiB",
    };

    public static string SignedBytes(long delta) => delta == 0 ? "no change" : (delta > 0 ? "+" : "−") + Bytes(Math.Abs(delta));

    public static string Ms(double? milliseconds) => milliseconds switch
    {
        null => "–",
        < 1 => (milliseconds.Value * 1000).ToString("0", CultureInfo.InvariantCulture) + " µs",
        < 100 => milliseconds.Value.ToString("0.##", CultureInfo.InvariantCulture) + " ms",
        _ => milliseconds.Value.ToString("0", CultureInfo.InvariantCulture) + " ms",
    };

    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static string Utc(DateTime? at) => at is { } value ? value.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : "–";

    public static string Ago(DateTime at, DateTime now)
    {
        var age = now - at;
        return age.TotalSeconds < 60 ? "just now"
            : age.TotalMinutes < 60 ? $"{(int)age.TotalMinutes} min ago"
            : age.TotalHours < 48 ? $"{(int)age.TotalHours} h ago"
            : $"{(int)age.TotalDays} days ago";
    }

    /// <summary>"targets saas:extensibility@1.1.0", or what a component of a world of its own targets.</summary>
    public static string Targets(string? contractVersion) =>
        Core.Components.ContractVersion.Display(contractVersion) is { } contract ? "targets " + contract : "targets no saas:extensibility version (a world of its own)";

    public static string ShortHash(string sha256) => sha256.Length > 12 ? sha256[..12] + "…" : sha256;

    public static string OutcomeClass(string outcome) => outcome switch
    {
        "ok" => "ok",
        "guest-error" or "not-run" => "warn",
        _ => "bad",
    };

    public static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
