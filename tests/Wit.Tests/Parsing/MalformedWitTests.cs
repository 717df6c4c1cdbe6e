using ExtensibilityHost.Sdk.Wit;
using ExtensibilityHost.Sdk.Wit.Parsing;

namespace ExtensibilityHost.Wit.Tests.Parsing;

/// <summary>WIT that breaks the grammar is refused with the file, the line and column of the first error, and what was expected there.</summary>
public sealed class MalformedWitTests
{
    public static TheoryData<string, string, int, int, string> Cases => new()
    {
        { "missing colon", "package a:b;\ninterface i {\n  record r {\n    sku u32,\n  }\n}\n", 4, 9, "expected ':' after field name 'sku', found keyword 'u32'" },
        { "missing semicolon", "package a:b;\ninterface i {\n  f: func()\n}\n", 4, 1, "expected ';' after the function, found '}'" },
        { "keyword as name", "package a:b;\ninterface i {\n  record type { a: u32 }\n}\n", 3, 10, "expected a record name, found keyword 'type' (write '%type' to use it as a name)" },
        { "unclosed interface", "package a:b;\ninterface i {\n  f: func();\n", 4, 1, "expected 'use', a type definition ('type', 'record', 'variant', 'enum', 'flags', 'resource'), a function ('name: func(...)') or '}' to close interface i, found end of file" },
        { "empty record", "package a:b;\ninterface i {\n  record r {}\n}\n", 3, 13, "record r is empty; expected a field name" },
        { "bad version", "package a:b@1.0;\n", 1, 13, "expected a semantic version such as 1.0.0, found '1.0'" },
        { "leading zero", "package a:b@1.02.0;\n", 1, 15, "a version number must not have leading zeros: '02'" },
        { "mixed case word", "package a:b;\ninterface fooBar {}\n", 2, 11, "invalid identifier 'fooBar': the word 'fooBar' mixes lowercase and uppercase letters (kebab-case words are all lowercase or all uppercase)" },
        { "double dash", "package a:b;\ninterface a--b {}\n", 2, 11, "invalid identifier 'a--b': '-' must separate two words" },
        { "unclosed generic", "package a:b;\ninterface i {\n  type t = list<option<u8>;\n}\n", 3, 27, "expected '>' to close 'list<', found ';'" },
        { "result underscore alone", "package a:b;\ninterface i {\n  type t = result<_>;\n}\n", 3, 20, "expected ',' and the error type after 'result<_' (a result without either payload is written 'result'), found '>'" },
        { "named results", "package a:b;\ninterface i {\n  f: func() -> (a: u32);\n}\n", 3, 16, "expected a type after '->'; named or multiple results '-> (a: T, b: U)' are no longer WIT, return a tuple or a record" },
        { "unknown character", "package a:b;\ninterface i {\n  f: func() -> u32 $;\n}\n", 3, 20, "unexpected character '$'" },
        { "unterminated comment", "package a:b;\n/* never closed\ninterface i {}\n", 2, 1, "unterminated block comment: '/*' has no matching '*/'" },
        { "bidi override", "package a:b;\n// \u202E hidden\n", 2, 4, "WIT text must not contain the control or bidirectional-override character U+202E" },
        { "stray item", "package a:b;\nrecord r { a: u32 }\n", 2, 1, "expected 'package', 'interface', 'world' or 'use', found keyword 'record'" },
        { "second package declaration", "package a:b;\npackage a:c;\n", 2, 12, "expected '{' after 'package a:c': a file's 'package ...;' declaration must come first, later ones define nested packages with '{ ... }'" },
        { "bad world item", "package a:b;\nworld w {\n  import;\n}\n", 3, 9, "expected an interface, or a name followed by ':', found ';'" },
        { "unknown gate", "package a:b;\ninterface i {\n  @later(version = 1.0.0)\n  f: func();\n}\n", 3, 4, "unknown annotation '@later'; expected '@since', '@unstable', '@deprecated' or '@external-id'" },
        { "missing type", "package a:b;\ninterface i {\n  f: func(a: ) ;\n}\n", 3, 14, "expected a type, found ')'" },
        { "fixed list zero", "package a:b;\ninterface i {\n  type t = list<u8, 0>;\n}\n", 3, 21, "a fixed list length must be a positive 32-bit number, found 0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_MalformedWit_ReportsLineColumnAndExpectation(string name, string wit, int line, int column, string message)
    {
        var exception = Assert.Throws<WitParseException>(() => WitParser.Parse($"{name}.wit", wit));

        Assert.Equal((line, column, message), (exception.Location.Line, exception.Location.Column, exception.Diagnostic.Message));
        Assert.Equal($"{name}.wit:{line}:{column}: {message}", exception.Message);
    }
}
