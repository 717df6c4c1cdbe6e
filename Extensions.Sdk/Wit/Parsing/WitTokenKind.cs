namespace ExtensibilityHost.Sdk.Wit.Parsing;

/// <summary>The kinds of WIT tokens.</summary>
internal enum WitTokenKind
{
    End,
    Identifier,
    Integer,
    String,
    Version,
    Equals,
    Comma,
    Colon,
    Semicolon,
    LeftParen,
    RightParen,
    LeftBrace,
    RightBrace,
    LeftAngle,
    RightAngle,
    Star,
    Arrow,
    Slash,
    Dot,
    At,
    Underscore,
}
