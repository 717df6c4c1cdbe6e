namespace ExtensibilityHost.Sdk.Wit.Parsing;

/// <summary>Words that cannot be bare identifiers; write <c>%record</c> to use one as a name.</summary>
internal static class WitKeywords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "as", "async", "bool", "borrow", "char", "constructor", "enum", "export", "f32", "f64", "flags", "from",
        "func", "future", "import", "include", "interface", "list", "map", "option", "own", "package", "record",
        "resource", "result", "s16", "s32", "s64", "s8", "static", "stream", "string", "tuple", "type", "u16",
        "u32", "u64", "u8", "use", "variant", "with", "world",
    };

    public static bool Contains(string word) => Words.Contains(word);
}
