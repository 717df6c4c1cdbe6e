namespace ExtensibilityHost.Sdk.Wit;

/// <summary>A span of WIT source text: its file, its offset and length, and where it starts as a 1-based line and column.</summary>
public sealed class WitLocation
{
    /// <summary>Creates a location.</summary>
    /// <param name="filePath">The file, as the caller named it.</param>
    /// <param name="offset">The offset of the first character, 0-based.</param>
    /// <param name="length">The number of characters covered.</param>
    /// <param name="line">The 1-based line of the first character.</param>
    /// <param name="column">The 1-based column of the first character, in UTF-16 code units.</param>
    public WitLocation(string filePath, int offset, int length, int line, int column)
    {
        FilePath = filePath;
        Offset = offset;
        Length = length;
        Line = line;
        Column = column;
    }

    /// <summary>The file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The offset of the first character, 0-based.</summary>
    public int Offset { get; }

    /// <summary>The number of characters covered.</summary>
    public int Length { get; }

    /// <summary>The 1-based line of the first character.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the first character, in UTF-16 code units (a tab counts as one).</summary>
    public int Column { get; }

    /// <summary>Formats the location as <c>file:line:column</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{FilePath}:{Line}:{Column}";
}
