using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// What <c>all</c> measured: the figures with targets (sections 1–5) and the per-language guest
/// figures (no targets), with when, where and at which commit. Rendered as the console table,
/// as markdown and as JSON.
/// </summary>
internal sealed record BenchReport
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public required DateTimeOffset At { get; init; }

    public required string Mode { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>The commit measured, from <c>EXTHOST_BENCH_COMMIT</c> (bench.sh sets it).</summary>
    public string? Commit { get; init; } = Environment.GetEnvironmentVariable("EXTHOST_BENCH_COMMIT");

    public string Machine { get; init; } = FigureText.Invariant(
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, Wasmtime {WasmtimeVersion()}");

    public required IReadOnlyList<BenchSection> Sections { get; init; }

    public required IReadOnlyList<Figure> Guests { get; init; }

    /// <summary>The table with targets, then the guests' table, for the console.</summary>
    public string ToText()
    {
        var rows = Sections.SelectMany(s => s.Figures.Select(f => new[]
        {
            FigureText.Invariant($"{s.Number} {f.Measure}"), f.Target ?? "—", FigureText.Value(f), FigureText.Ratio(f), FigureText.Met(f),
        })).ToList();
        var text = new StringBuilder();
        text.AppendLine(Header());
        text.AppendLine();
        Align(text, ["measure", "target", "figure", "ratio", "met"], rows, rightAligned: [2, 3]);
        text.AppendLine();
        text.AppendLine("6 guests by language (no targets)");
        Align(text, ["measure", "figure"], [.. Guests.Select(f => new[] { f.Measure, FigureText.Value(f) })], rightAligned: [1]);
        return text.ToString();
    }

    /// <summary>The same tables in markdown, with how each figure was obtained.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmark results (`./bench.sh`)").AppendLine().AppendLine(Header()).AppendLine();
        text.AppendLine("| # | measure | target | figure | ratio | met | how |").AppendLine("| ---: | --- | --- | ---: | ---: | --- | --- |");
        foreach (var section in Sections)
        {
            foreach (var f in section.Figures)
            {
                text.AppendLine(FigureText.Invariant(
                    $"| {section.Number} | {f.Measure.Trim()} | {f.Target ?? "—"} | {FigureText.Value(f)} | {FigureText.Ratio(f)} | {FigureText.Met(f)} | {f.Note} |"));
            }
        }

        text.AppendLine().AppendLine("## 6 Guests by language (no targets)").AppendLine();
        text.AppendLine("| measure | figure | how |").AppendLine("| --- | ---: | --- |");
        foreach (var f in Guests)
        {
            text.AppendLine(FigureText.Invariant($"| {f.Measure} | {FigureText.Value(f)} | {f.Note} |"));
        }

        return text.ToString();
    }

    public string ToJson() => JsonSerializer.Serialize(this, s_json);

    /// <summary>Writes bench.json and bench.md into <paramref name="directory"/>.</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "bench.json"), ToJson());
        File.WriteAllText(Path.Combine(directory, "bench.md"), ToMarkdown());
    }

    private string Header() => FigureText.Invariant(
        $"{Mode} run, {At:yyyy-MM-dd HH:mm} UTC, {Duration.TotalSeconds:F0} s{(Commit is null ? "" : ", commit " + Commit)}; {Machine}");

    private static void Align(StringBuilder text, string[] header, List<string[]> rows, int[] rightAligned)
    {
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells) => text.AppendLine(string.Join("  ",
            cells.Select((c, i) => rightAligned.Contains(i) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        Line(header);
        Line([.. widths.Select(w => new string('-', w))]);
        rows.ForEach(Line);
    }

    private static string WasmtimeVersion() =>
        (typeof(Wasmtime.Engine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?").Split('+')[0];
}
