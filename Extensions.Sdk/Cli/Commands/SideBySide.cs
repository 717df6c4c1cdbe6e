namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// Two texts in two columns under their titles, row by row, with <c>≠</c> in the gutter where the
/// lines differ: how <c>ext replay</c> shows the recorded and the local run.
/// </summary>
internal static class SideBySide
{
    private const int MaxColumn = 56;

    public static async Task WriteAsync(TextWriter output, string leftTitle, string rightTitle, IEnumerable<(string Label, string Left, string Right)> rows)
    {
        var table = rows.Select(r => (r.Label, Left: Lines(r.Left), Right: Lines(r.Right))).ToList();
        var labelWidth = table.Max(r => r.Label.Length) + 2;
        var width = Math.Min(MaxColumn, Math.Max(leftTitle.Length, table.SelectMany(r => r.Left).Select(l => l.Length).DefaultIfEmpty(0).Max()));

        await output.WriteLineAsync($"{new string(' ', labelWidth)}  {Fit(leftTitle, width)} │ {rightTitle}");
        foreach (var (label, left, right) in table)
        {
            for (var i = 0; i < Math.Max(left.Length, right.Length); i++)
            {
                var l = i < left.Length ? left[i] : "";
                var r = i < right.Length ? right[i] : "";
                var gutter = l == r ? ' ' : '≠';
                await output.WriteLineAsync($"{(i == 0 ? label : "").PadRight(labelWidth)}{gutter} {Fit(l, width)} │ {Truncate(r, MaxColumn)}");
            }
        }
    }

    private static string[] Lines(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');

    private static string Fit(string text, int width) => Truncate(text, width).PadRight(width);

    private static string Truncate(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
