namespace ExtensibilityHost.Sdk.Wit.Parsing;

/// <summary>One token: its kind, its text (an identifier without <c>%</c>), where it is, and the doc comment just before it.</summary>
internal sealed class WitToken
{
    public WitToken(WitTokenKind kind, string text, int start, int end, bool isExplicit, string? docs)
    {
        Kind = kind;
        Text = text;
        Start = start;
        End = end;
        IsExplicit = isExplicit;
        Docs = docs;
    }

    public WitTokenKind Kind { get; }

    public string Text { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>An identifier written with <c>%</c>: never a keyword.</summary>
    public bool IsExplicit { get; }

    public string? Docs { get; }

    public bool IsKeyword => Kind == WitTokenKind.Identifier && !IsExplicit && WitKeywords.Contains(Text);

    public bool Is(string keyword) => Kind == WitTokenKind.Identifier && !IsExplicit && string.Equals(Text, keyword, StringComparison.Ordinal);

    /// <summary>How error messages name the token: <c>'}'</c>, <c>identifier 'foo'</c>, <c>keyword 'record'</c>, <c>end of file</c>.</summary>
    public string Describe() => Kind switch
    {
        WitTokenKind.End => "end of file",
        WitTokenKind.Identifier when IsKeyword => $"keyword '{Text}'",
        WitTokenKind.Identifier => $"identifier '{Text}'",
        WitTokenKind.Integer => $"integer {Text}",
        WitTokenKind.String => $"string {Text}",
        WitTokenKind.Version => $"version {Text}",
        _ => $"'{Text}'",
    };
}
