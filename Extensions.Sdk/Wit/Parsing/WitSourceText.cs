namespace ExtensibilityHost.Sdk.Wit.Parsing;

/// <summary>A file's text with its line starts, to turn offsets into 1-based lines and columns.</summary>
internal sealed class WitSourceText
{
    private readonly List<int> _lineStarts = [0];

    public WitSourceText(string path, string text)
    {
        Path = path;
        Text = text;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public string Path { get; }

    public string Text { get; }

    public WitLocation Location(int start, int end)
    {
        var line = _lineStarts.BinarySearch(start);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new WitLocation(Path, start, Math.Max(0, end - start), line + 1, start - _lineStarts[line] + 1);
    }

    public WitParseException Error(int start, int end, string message) => new(new WitDiagnostic(Location(start, end), message));
}
