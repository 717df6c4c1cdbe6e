using System.Text;

namespace ExtensibilityHost.Sdk.WitGenerator;

/// <summary>Writes indented C# source with doc comments made from WIT doc comments.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public SourceWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4).Append(line);
        }

        _text.Append('\n');
        return this;
    }

    public SourceWriter Open(string line)
    {
        Line(line).Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    /// <summary>A <c>&lt;summary&gt;</c> from WIT docs (escaped; <c>`code`</c> becomes <c>&lt;c&gt;code&lt;/c&gt;</c>), or from <paramref name="fallback"/> (already XML).</summary>
    public SourceWriter Summary(string? docs, string fallback)
    {
        if (docs is null || docs.Trim().Length == 0)
        {
            return Line($"/// <summary>{fallback}</summary>");
        }

        Line("/// <summary>");
        foreach (var line in docs.Split('\n'))
        {
            Line(("/// " + Xml(line)).TrimEnd());
        }

        return Line("/// </summary>");
    }

    public override string ToString() => _text.ToString();

    /// <summary>Escapes text for an XML doc comment and turns <c>`code`</c> spans into <c>&lt;c&gt;</c> elements.</summary>
    public static string Xml(string text)
    {
        var escaped = text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
        var parts = escaped.Split('`');
        if (parts.Length < 3)
        {
            return escaped;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var isCode = i % 2 == 1 && i < parts.Length - 1;
            builder.Append(isCode ? "<c>" + parts[i] + "</c>" : (i % 2 == 1 ? "`" : string.Empty) + parts[i]);
        }

        return builder.ToString();
    }
}
