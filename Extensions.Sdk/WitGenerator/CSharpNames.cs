using System.Text;

namespace ExtensibilityHost.Sdk.WitGenerator;

/// <summary>Turns kebab-case WIT names into C# identifiers.</summary>
internal static class CSharpNames
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary><c>unit-price-cents</c> → <c>UnitPriceCents</c>; all-uppercase words become <c>Http</c>-style.</summary>
    public static string Pascal(string kebab)
    {
        var builder = new StringBuilder(kebab.Length);
        foreach (var word in kebab.Split('-', ':'))
        {
            if (word.Length > 0)
            {
                builder.Append(char.ToUpperInvariant(word[0])).Append(word.Substring(1).ToLowerInvariant());
            }
        }

        return builder.ToString();
    }

    /// <summary><c>unit-price-cents</c> → <c>unitPriceCents</c>, escaped with <c>@</c> when it is a C# keyword.</summary>
    public static string Camel(string kebab)
    {
        var pascal = Pascal(kebab);
        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    /// <summary>Makes <paramref name="name"/> unique among <paramref name="taken"/> by appending <paramref name="suffix"/> (then digits), and takes it.</summary>
    public static string Unique(string name, HashSet<string> taken, string suffix)
    {
        var candidate = name;
        if (taken.Contains(candidate))
        {
            candidate = name + suffix;
        }

        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + suffix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        taken.Add(candidate);
        return candidate;
    }

    /// <summary>A C# string literal.</summary>
    public static string Literal(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
