using System.Globalization;
using System.Text;

namespace ExtensibilityHost.Sdk.Wit.Parsing;

/// <summary>
/// Turns WIT text into tokens on demand. Whitespace and comments are skipped; <c>///</c> lines and
/// <c>/** */</c> blocks are doc comments and travel with the next token. Versions are lexed only when
/// the parser asks for one (after <c>@</c> or <c>version =</c>), since <c>1.0.0</c> is not a token elsewhere.
/// </summary>
internal sealed class WitLexer
{
    private readonly WitSourceText _source;
    private readonly string _text;
    private int _position;

    public WitLexer(WitSourceText source)
    {
        _source = source;
        _text = source.Text;
        CheckCharacters();
    }

    /// <summary>The character at <paramref name="offset"/>, or <c>'\0'</c> past the end.</summary>
    public char CharAt(int offset) => offset < _text.Length ? _text[offset] : '\0';

    public WitToken Next()
    {
        var docs = SkipTrivia();
        var start = _position;
        if (_position >= _text.Length)
        {
            return new WitToken(WitTokenKind.End, string.Empty, start, start, false, docs);
        }

        var c = _text[_position];
        if (IsLetter(c) || c == '%')
        {
            return Identifier(docs);
        }

        if (IsDigit(c))
        {
            while (IsDigit(CharAt(_position)))
            {
                _position++;
            }

            return Token(WitTokenKind.Integer, start, docs);
        }

        if (c == '"')
        {
            return StringLiteral(docs);
        }

        _position++;
        var kind = c switch
        {
            '=' => WitTokenKind.Equals,
            ',' => WitTokenKind.Comma,
            ':' => WitTokenKind.Colon,
            ';' => WitTokenKind.Semicolon,
            '(' => WitTokenKind.LeftParen,
            ')' => WitTokenKind.RightParen,
            '{' => WitTokenKind.LeftBrace,
            '}' => WitTokenKind.RightBrace,
            '<' => WitTokenKind.LeftAngle,
            '>' => WitTokenKind.RightAngle,
            '*' => WitTokenKind.Star,
            '/' => WitTokenKind.Slash,
            '.' => WitTokenKind.Dot,
            '@' => WitTokenKind.At,
            '_' => WitTokenKind.Underscore,
            '-' when CharAt(_position) == '>' => WitTokenKind.Arrow,
            _ => throw _source.Error(start, start + 1, $"unexpected character '{c}'"),
        };
        if (kind == WitTokenKind.Arrow)
        {
            _position++;
        }

        return Token(kind, start, docs);
    }

    /// <summary>Lexes a semantic version: <c>1.2.3</c>, <c>1.0.0-rc.1+build.5</c>; right here after <c>@</c>, after whitespace in <c>version = 1.2.3</c>.</summary>
    public WitToken NextVersion(bool afterTrivia)
    {
        if (afterTrivia)
        {
            SkipTrivia();
        }

        var start = _position;
        for (var part = 0; part < 3; part++)
        {
            if (part > 0)
            {
                if (CharAt(_position) != '.')
                {
                    throw VersionError(start);
                }

                _position++;
            }

            var numberStart = _position;
            while (IsDigit(CharAt(_position)))
            {
                _position++;
            }

            if (_position == numberStart)
            {
                throw VersionError(start);
            }

            if (_position - numberStart > 1 && _text[numberStart] == '0')
            {
                throw _source.Error(numberStart, _position, $"a version number must not have leading zeros: '{_text.Substring(numberStart, _position - numberStart)}'");
            }
        }

        if (CharAt(_position) == '-')
        {
            _position++;
            ScanVersionIdentifiers(start);
        }

        if (CharAt(_position) == '+')
        {
            _position++;
            ScanVersionIdentifiers(start);
        }

        return Token(WitTokenKind.Version, start, null);
    }

    private void ScanVersionIdentifiers(int versionStart)
    {
        while (true)
        {
            var identifierStart = _position;
            while (IsVersionCharacter(CharAt(_position)))
            {
                _position++;
            }

            if (_position == identifierStart)
            {
                throw VersionError(versionStart);
            }

            // A '.' continues the version only when another identifier follows: `@1.0.0-rc.1.{a}` ends before `.{`.
            if (CharAt(_position) != '.' || !IsVersionCharacter(CharAt(_position + 1)))
            {
                return;
            }

            _position++;
        }
    }

    private WitParseException VersionError(int start)
    {
        var end = start;
        while (end < _text.Length && !char.IsWhiteSpace(_text[end]) && _text[end] is not (';' or '{' or ')' or ','))
        {
            end++;
        }

        var found = end == start ? "nothing" : $"'{_text.Substring(start, end - start)}'";
        return _source.Error(start, Math.Max(end, start + 1), $"expected a semantic version such as 1.0.0, found {found}");
    }

    private WitToken Identifier(string? docs)
    {
        var start = _position;
        var isExplicit = _text[_position] == '%';
        if (isExplicit)
        {
            _position++;
        }

        var wordStart = _position;
        while (IsLetter(CharAt(_position)) || IsDigit(CharAt(_position)) || CharAt(_position) == '-')
        {
            // `a->b` is not valid WIT, but `-` followed by `>` must stay an arrow: `func() -> u32` never touches a word.
            if (CharAt(_position) == '-' && CharAt(_position + 1) == '>')
            {
                break;
            }

            _position++;
        }

        var word = _text.Substring(wordStart, _position - wordStart);
        if (word.Length == 0)
        {
            throw _source.Error(start, start + 1, "expected an identifier after '%'");
        }

        if (ValidateLabel(word) is { } problem)
        {
            throw _source.Error(start, _position, $"invalid identifier '{word}': {problem}");
        }

        return new WitToken(WitTokenKind.Identifier, word, start, _position, isExplicit, docs);
    }

    /// <summary>
    /// Checks the component model's <c>label</c>: words separated by single <c>-</c>, each all lowercase
    /// or all uppercase (digits allowed), the first starting with a letter.
    /// </summary>
    private static string? ValidateLabel(string word)
    {
        if (!IsLetter(word[0]))
        {
            return "it must start with a letter";
        }

        foreach (var fragment in word.Split('-'))
        {
            if (fragment.Length == 0)
            {
                return "'-' must separate two words";
            }

            var lower = false;
            var upper = false;
            foreach (var c in fragment)
            {
                lower |= c is >= 'a' and <= 'z';
                upper |= c is >= 'A' and <= 'Z';
            }

            if (lower && upper)
            {
                return $"the word '{fragment}' mixes lowercase and uppercase letters (kebab-case words are all lowercase or all uppercase)";
            }
        }

        return null;
    }

    private WitToken StringLiteral(string? docs)
    {
        var start = _position++;
        var value = new StringBuilder();
        while (true)
        {
            var c = CharAt(_position);
            if (_position >= _text.Length || c == '\n')
            {
                throw _source.Error(start, _position, "unterminated string literal");
            }

            _position++;
            if (c == '"')
            {
                return new WitToken(WitTokenKind.String, value.ToString(), start, _position, false, docs);
            }

            if (c == '\\' && _position < _text.Length)
            {
                c = _text[_position++];
            }

            value.Append(c);
        }
    }

    private WitToken Token(WitTokenKind kind, int start, string? docs) =>
        new(kind, _text.Substring(start, _position - start), start, _position, false, docs);

    /// <summary>Skips whitespace and comments, returning the doc comment that ends right before the next token, if any.</summary>
    private string? SkipTrivia()
    {
        List<string>? docs = null;
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }
            else if (c == '/' && CharAt(_position + 1) == '/')
            {
                var start = _position;
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }

                var line = _text.Substring(start, _position - start).TrimEnd('\r');
                if (line.StartsWith("///", StringComparison.Ordinal) && !line.StartsWith("////", StringComparison.Ordinal))
                {
                    (docs ??= []).Add(StripOneSpace(line.Substring(3)));
                }
            }
            else if (c == '/' && CharAt(_position + 1) == '*')
            {
                var start = _position;
                SkipBlockComment();
                var block = _text.Substring(start, _position - start);
                if (block.StartsWith("/**", StringComparison.Ordinal) && block != "/**/" && !block.StartsWith("/***", StringComparison.Ordinal))
                {
                    docs ??= [];
                    foreach (var line in block.Substring(3, block.Length - 5).Split('\n'))
                    {
                        var trimmed = line.TrimEnd('\r').TrimStart();
                        docs.Add(StripOneSpace(trimmed.StartsWith("*", StringComparison.Ordinal) ? trimmed.Substring(1) : trimmed));
                    }

                    TrimBlankLines(docs);
                }
            }
            else
            {
                break;
            }
        }

        return docs is null ? null : string.Join("\n", docs);
    }

    private void SkipBlockComment()
    {
        var start = _position;
        var depth = 0;
        while (_position < _text.Length)
        {
            if (_text[_position] == '/' && CharAt(_position + 1) == '*')
            {
                depth++;
                _position += 2;
            }
            else if (_text[_position] == '*' && CharAt(_position + 1) == '/')
            {
                depth--;
                _position += 2;
                if (depth == 0)
                {
                    return;
                }
            }
            else
            {
                _position++;
            }
        }

        throw _source.Error(start, start + 2, "unterminated block comment: '/*' has no matching '*/'");
    }

    private void CheckCharacters()
    {
        for (var i = 0; i < _text.Length; i++)
        {
            var c = _text[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if ((category == UnicodeCategory.Control && c is not ('\n' or '\r' or '\t'))
                || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            {
                throw _source.Error(i, i + 1, FormattableString.Invariant($"WIT text must not contain the control or bidirectional-override character U+{(int)c:X4}"));
            }
        }
    }

    private static string StripOneSpace(string line) => line.StartsWith(" ", StringComparison.Ordinal) ? line.Substring(1) : line;

    private static void TrimBlankLines(List<string> lines)
    {
        while (lines.Count > 0 && lines[lines.Count - 1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        while (lines.Count > 0 && lines[0].Trim().Length == 0)
        {
            lines.RemoveAt(0);
        }
    }

    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsVersionCharacter(char c) => IsLetter(c) || IsDigit(c) || c == '-';
}
