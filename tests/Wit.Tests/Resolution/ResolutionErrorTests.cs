using ExtensibilityHost.Sdk.Wit.Parsing;
using ExtensibilityHost.Sdk.Wit.Resolution;

namespace ExtensibilityHost.Wit.Tests.Resolution;

/// <summary>WIT that parses but does not resolve: unknown names, duplicates and cycles are diagnostics with line and column.</summary>
public sealed class ResolutionErrorTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "unknown type", "package a:b;\ninterface i {\n  f: func(x: nope);\n}\n", "3:14: unknown type 'nope' in 'i'" },
        { "unknown use target", "package a:b;\ninterface i {\n  use missing.{t};\n}\n", "3:7: unknown interface 'missing' in package 'a:b'" },
        { "unknown used name", "package a:b;\ninterface t { type x = u8; }\ninterface i {\n  use t.{y};\n}\n", "4:10: interface 't' has no type 'y'" },
        { "duplicate type", "package a:b;\ninterface i {\n  type x = u8;\n  record x { a: u8 }\n}\n", "4:10: 'x' is already defined in interface 'i' (at duplicate type.wit:3:8)" },
        { "duplicate field", "package a:b;\ninterface i {\n  record r { a: u8, a: u16 }\n}\n", "3:21: field 'a' is already defined in record 'r' (at duplicate field.wit:3:14)" },
        { "duplicate interface", "package a:b;\ninterface i {}\nworld i {}\n", "3:7: 'i' is already defined in package 'a:b' (at duplicate interface.wit:2:11)" },
        { "type cycle", "package a:b;\ninterface i {\n  record a { b: b }\n  record b { a: a }\n}\n", "3:10: types 'a' -> 'b' -> 'a' contain each other; WIT types cannot be recursive" },
        { "self alias", "package a:b;\ninterface i {\n  type t = list<t>;\n}\n", "3:8: type 't' contains itself; WIT types cannot be recursive" },
        { "use cycle", "package a:b;\ninterface x { use y.{t}; type u = u8; }\ninterface y { use x.{u}; type t = u8; }\n", "3:19: cycle in 'use': interface 'x' uses, directly or not, 'y'" },
        { "include cycle", "package a:b;\nworld v { include w; }\nworld w { include v; }\n", "3:19: cycle in 'include': world 'v' includes, directly or not, 'w'" },
        { "unknown package", "package a:b;\nworld w { import wasi:cli/run@0.2.0; }\n", "2:18: unknown package 'wasi:cli@0.2.0'; add its .wit files (e.g. under deps/)" },
        { "borrow of record", "package a:b;\ninterface i {\n  record r { a: u8 }\n  f: func(x: borrow<r>);\n}\n", "4:14: 'r' is not a resource; only resources can be borrowed" },
        { "no package", "interface i {}\n", "1:11: no package declaration: add 'package namespace:name;' at the top of no package.wit or of another .wit file in its directory" },
        { "world as interface", "package a:b;\nworld v {}\nworld w { import v; }\n", "3:18: 'v' is world, not an interface" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_InvalidWit_ReportsTheProblemWithLineAndColumn(string name, string wit, string expected)
    {
        var resolution = WitResolver.Resolve([WitParser.Parse($"{name}.wit", wit)]);

        var diagnostic = Assert.Single(resolution.Diagnostics);
        Assert.Equal($"{name}.wit:{expected}", diagnostic.ToString());
        Assert.False(resolution.Succeeded);
    }
}
