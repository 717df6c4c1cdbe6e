using System.Globalization;
using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Sdk.Wit.Parsing;

/// <summary>
/// A recursive-descent parser for the WIT text format (component model <c>WIT.md</c>): packages,
/// nested packages, top-level <c>use</c>, interfaces, worlds (imports, exports, includes), <c>use</c>
/// with renames, records, variants, enums, flags, resources, aliases, functions, feature gates and
/// doc comments. Names are resolved separately by <see cref="Resolution.WitResolver"/>.
/// </summary>
public sealed class WitParser
{
    private static readonly IReadOnlyList<WitGate> NoGates = [];

    private readonly WitSourceText _source;
    private readonly WitLexer _lexer;
    private WitToken _current;
    private WitToken _previous;

    private WitParser(string path, string text)
    {
        _source = new WitSourceText(path, text);
        _lexer = new WitLexer(_source);
        _current = _lexer.Next();
        _previous = _current;
    }

    /// <summary>Parses one file.</summary>
    /// <param name="path">The file's path, used in locations.</param>
    /// <param name="text">The file's text.</param>
    /// <returns>The file's syntax tree.</returns>
    /// <exception cref="WitParseException">The text does not follow the grammar; the exception names the first error's line and column.</exception>
    public static WitFile Parse(string path, string text)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return new WitParser(path, text).ParseFile();
    }

    private WitFile ParseFile()
    {
        WitPackageName? packageName = null;
        WitLocation? packageLocation = null;
        string? packageDocs = null;
        var uses = new List<WitTopLevelUse>();
        var interfaces = new List<WitInterface>();
        var worlds = new List<WitWorld>();
        var nested = new List<WitNestedPackage>();
        var first = true;

        while (_current.Kind != WitTokenKind.End)
        {
            if (_current.Is("package"))
            {
                var keyword = _current;
                Advance();
                var name = ParsePackageName();
                if (_current.Kind == WitTokenKind.LeftBrace)
                {
                    nested.Add(ParseNestedPackage(keyword, name));
                }
                else if (first)
                {
                    Expect(WitTokenKind.Semicolon, $"';' or '{{' after 'package {name}'");
                    packageName = name;
                    packageLocation = Location(keyword);
                    packageDocs = keyword.Docs;
                }
                else
                {
                    throw Error(_current, $"expected '{{' after 'package {name}': a file's 'package ...;' declaration must come first, later ones define nested packages with '{{ ... }}'");
                }
            }
            else
            {
                ParsePackageItem(uses, interfaces, worlds, "'package', 'interface', 'world' or 'use'");
            }

            first = false;
        }

        return new WitFile(_source.Path, _source.Text, packageName, packageLocation, packageDocs, uses, interfaces, worlds, nested);
    }

    private WitNestedPackage ParseNestedPackage(WitToken keyword, WitPackageName name)
    {
        Expect(WitTokenKind.LeftBrace, "'{'");
        var uses = new List<WitTopLevelUse>();
        var interfaces = new List<WitInterface>();
        var worlds = new List<WitWorld>();
        while (_current.Kind != WitTokenKind.RightBrace)
        {
            ParsePackageItem(uses, interfaces, worlds, $"'interface', 'world', 'use' or '}}' to close package {name}");
        }

        var close = _current;
        Advance();
        var text = _source.Text.Substring(keyword.Start, close.End - keyword.Start);
        return new WitNestedPackage(Location(keyword), name, keyword.Docs, uses, interfaces, worlds, text);
    }

    private void ParsePackageItem(List<WitTopLevelUse> uses, List<WitInterface> interfaces, List<WitWorld> worlds, string expected)
    {
        var docs = _current.Docs;
        var gates = ParseGates();
        if (_current.Is("use") && gates.Count == 0)
        {
            var keyword = _current;
            Advance();
            var path = ParseUsePath();
            string? alias = null;
            if (_current.Is("as"))
            {
                Advance();
                alias = ExpectIdentifier("a name after 'as'").Text;
            }

            Expect(WitTokenKind.Semicolon, alias is null ? "';' or 'as' after the interface" : "';'");
            uses.Add(new WitTopLevelUse(Location(keyword), path, alias));
        }
        else if (_current.Is("interface"))
        {
            Advance();
            var name = ExpectIdentifier("an interface name");
            interfaces.Add(ParseInterfaceBody(name, docs, gates));
        }
        else if (_current.Is("world"))
        {
            Advance();
            worlds.Add(ParseWorld(docs, gates));
        }
        else
        {
            throw Unexpected(expected);
        }
    }

    private WitPackageName ParsePackageName()
    {
        var parts = new List<string> { ExpectIdentifier("a package name such as 'namespace:name'").Text };
        Expect(WitTokenKind.Colon, "':' in the package name (write 'namespace:name')");
        parts.Add(ExpectIdentifier("the package name after ':'").Text);
        while (_current.Kind == WitTokenKind.Colon)
        {
            Advance();
            parts.Add(ExpectIdentifier("a name after ':'").Text);
        }

        if (_current.Kind == WitTokenKind.Slash)
        {
            throw Error(_current, "nested package names ('namespace:package/nested') are not supported");
        }

        var version = _current.Kind == WitTokenKind.At ? ParseVersionAfterAt() : null;
        return new WitPackageName(string.Join(":", parts.Take(parts.Count - 1)), parts[parts.Count - 1], version);
    }

    /// <summary>Parses <c>id</c> or <c>ns:pkg/id@version</c>.</summary>
    private WitUsePath ParseUsePath()
    {
        var first = ExpectIdentifier("an interface name or 'namespace:package/interface'");
        return ParseUsePathAfter(first);
    }

    private WitUsePath ParseUsePathAfter(WitToken first)
    {
        if (_current.Kind != WitTokenKind.Colon)
        {
            return new WitUsePath(Location(first), null, first.Text);
        }

        var parts = new List<string> { first.Text };
        while (_current.Kind == WitTokenKind.Colon)
        {
            Advance();
            parts.Add(ExpectIdentifier("a package name after ':'").Text);
        }

        Expect(WitTokenKind.Slash, $"'/' and an interface name after '{string.Join(":", parts)}'");
        var name = ExpectIdentifier("an interface name after '/'");
        if (_current.Kind == WitTokenKind.Slash)
        {
            throw Error(_current, "nested interface paths ('namespace:package/a/b') are not supported");
        }

        var version = _current.Kind == WitTokenKind.At ? ParseVersionAfterAt() : null;
        var package = new WitPackageName(string.Join(":", parts.Take(parts.Count - 1)), parts[parts.Count - 1], version);
        return new WitUsePath(_source.Location(first.Start, _previous.End), package, name.Text);
    }

    private WitVersion ParseVersionAfterAt()
    {
        // The current token is '@'; the lexer stands right after it.
        _current = _lexer.NextVersion(afterTrivia: false);
        return ParseVersionToken();
    }

    private WitVersion ParseVersionToken()
    {
        var token = _current;
        Advance();
        var text = token.Text;
        string? build = null;
        string? prerelease = null;
        var plus = text.IndexOf('+');
        if (plus >= 0)
        {
            build = text.Substring(plus + 1);
            text = text.Substring(0, plus);
        }

        var dash = text.IndexOf('-');
        if (dash >= 0)
        {
            prerelease = text.Substring(dash + 1);
            text = text.Substring(0, dash);
        }

        var numbers = text.Split('.');
        try
        {
            return new WitVersion(
                ulong.Parse(numbers[0], CultureInfo.InvariantCulture),
                ulong.Parse(numbers[1], CultureInfo.InvariantCulture),
                ulong.Parse(numbers[2], CultureInfo.InvariantCulture),
                prerelease,
                build);
        }
        catch (OverflowException)
        {
            throw Error(token, $"version '{token.Text}' has a number too large");
        }
    }

    private List<WitGate> ParseGates()
    {
        List<WitGate>? gates = null;
        while (_current.Kind == WitTokenKind.At)
        {
            var at = _current;
            Advance();
            var name = ExpectIdentifier("'since', 'unstable', 'deprecated' or 'external-id' after '@'");
            switch (name.Text)
            {
                case "since":
                case "deprecated":
                    Expect(WitTokenKind.LeftParen, $"'(' after '@{name.Text}'");
                    ExpectWord("version", $"'version = x.y.z' in '@{name.Text}(...)'");
                    if (_current.Kind != WitTokenKind.Equals)
                    {
                        throw Unexpected("'=' after 'version'");
                    }

                    _current = _lexer.NextVersion(afterTrivia: true);
                    var version = ParseVersionToken();
                    Expect(WitTokenKind.RightParen, "')'");
                    (gates ??= []).Add(new WitGate(Location(at), name.Text == "since" ? WitGateKind.Since : WitGateKind.Deprecated, version, null));
                    break;
                case "unstable":
                    Expect(WitTokenKind.LeftParen, "'(' after '@unstable'");
                    ExpectWord("feature", "'feature = name' in '@unstable(...)'");
                    Expect(WitTokenKind.Equals, "'=' after 'feature'");
                    var feature = ExpectIdentifier("a feature name");
                    Expect(WitTokenKind.RightParen, "')'");
                    (gates ??= []).Add(new WitGate(Location(at), WitGateKind.Unstable, null, feature.Text));
                    break;
                case "external-id":
                    // Tolerated and ignored: it names the item for platforms outside the component model.
                    Expect(WitTokenKind.LeftParen, "'(' after '@external-id'");
                    Expect(WitTokenKind.String, "a string literal");
                    Expect(WitTokenKind.RightParen, "')'");
                    break;
                default:
                    throw Error(name, $"unknown annotation '@{name.Text}'; expected '@since', '@unstable', '@deprecated' or '@external-id'");
            }
        }

        return gates ?? [];
    }

    private WitInterface ParseInterfaceBody(WitToken name, string? docs, IReadOnlyList<WitGate> gates)
    {
        Expect(WitTokenKind.LeftBrace, $"'{{' after 'interface {name.Text}'");
        var uses = new List<WitUse>();
        var types = new List<WitTypeDefinition>();
        var functions = new List<WitFunction>();
        while (_current.Kind != WitTokenKind.RightBrace)
        {
            var itemDocs = _current.Docs;
            var itemGates = ParseGates();
            itemDocs ??= _previous.Kind == WitTokenKind.RightParen ? null : itemDocs;
            if (_current.Is("use"))
            {
                uses.Add(ParseUse());
            }
            else if (TryParseTypeDefinition(itemDocs, itemGates) is { } type)
            {
                types.Add(type);
            }
            else if (_current.Kind == WitTokenKind.Identifier && !_current.IsKeyword)
            {
                var functionName = _current;
                Advance();
                Expect(WitTokenKind.Colon, $"':' after '{functionName.Text}' (a function is written 'name: func(...)')");
                functions.Add(ParseFunctionType(functionName, itemDocs, itemGates, WitFunctionKind.Freestanding));
                Expect(WitTokenKind.Semicolon, "';' after the function");
            }
            else
            {
                throw Unexpected($"'use', a type definition ('type', 'record', 'variant', 'enum', 'flags', 'resource'), a function ('name: func(...)') or '}}' to close interface {name.Text}");
            }
        }

        Advance();
        return new WitInterface(Location(name), name.Text, docs, gates, uses, types, functions);
    }

    private WitUse ParseUse()
    {
        var keyword = _current;
        Advance();
        var path = ParseUsePath();
        Expect(WitTokenKind.Dot, $"'.' and '{{names}}' after 'use {path}'");
        Expect(WitTokenKind.LeftBrace, $"'{{' after 'use {path}.'");
        var names = ParseNameList("a type name", "'}' or ','");
        Expect(WitTokenKind.Semicolon, "';' after the 'use' item");
        return new WitUse(Location(keyword), path, names);
    }

    /// <summary>Parses <c>name (as alias)?, ...}</c> up to and including the closing brace; at least one name.</summary>
    private List<WitUseName> ParseNameList(string what, string afterName)
    {
        var names = new List<WitUseName>();
        do
        {
            if (names.Count > 0 && _current.Kind == WitTokenKind.RightBrace)
            {
                break;
            }

            var name = ExpectIdentifier(what);
            string? alias = null;
            if (_current.Is("as"))
            {
                Advance();
                alias = ExpectIdentifier("a name after 'as'").Text;
            }

            names.Add(new WitUseName(Location(name), name.Text, alias));
        }
        while (Accept(WitTokenKind.Comma));

        Expect(WitTokenKind.RightBrace, afterName);
        return names;
    }

    private WitTypeDefinition? TryParseTypeDefinition(string? docs, IReadOnlyList<WitGate> gates)
    {
        if (_current.Is("type"))
        {
            Advance();
            var name = ExpectIdentifier("a type name after 'type'");
            Expect(WitTokenKind.Equals, $"'=' after 'type {name.Text}'");
            var target = ParseType();
            Expect(WitTokenKind.Semicolon, "';' after the type");
            return new WitTypeAlias(Location(name), name.Text, docs, gates, target);
        }

        if (_current.Is("record"))
        {
            Advance();
            var name = ExpectIdentifier("a record name");
            var fields = ParseBody(name, "record", "a field name", () =>
            {
                var field = _current;
                var fieldDocs = field.Docs;
                var fieldGates = ParseGates();
                field = ExpectIdentifier("a field name");
                Expect(WitTokenKind.Colon, $"':' after field name '{field.Text}'");
                return new WitField(Location(field), field.Text, fieldDocs ?? field.Docs, fieldGates, ParseType());
            });
            return new WitRecord(Location(name), name.Text, docs, gates, fields);
        }

        if (_current.Is("variant"))
        {
            Advance();
            var name = ExpectIdentifier("a variant name");
            var cases = ParseBody(name, "variant", "a case name", () =>
            {
                var caseDocs = _current.Docs;
                var caseGates = ParseGates();
                var caseName = ExpectIdentifier("a case name");
                WitTypeRef? payload = null;
                if (Accept(WitTokenKind.LeftParen))
                {
                    payload = ParseType();
                    Expect(WitTokenKind.RightParen, "')' after the case's payload type");
                }

                return new WitCase(Location(caseName), caseName.Text, caseDocs ?? caseName.Docs, caseGates, payload);
            });
            return new WitVariant(Location(name), name.Text, docs, gates, cases);
        }

        if (_current.Is("enum") || _current.Is("flags"))
        {
            var isEnum = _current.Is("enum");
            Advance();
            var name = ExpectIdentifier(isEnum ? "an enum name" : "a flags name");
            var members = ParseBody(name, isEnum ? "enum" : "flags", isEnum ? "a case name" : "a flag name", () =>
            {
                var memberDocs = _current.Docs;
                var memberGates = ParseGates();
                var member = ExpectIdentifier(isEnum ? "a case name" : "a flag name");
                return new WitMember(Location(member), member.Text, memberDocs ?? member.Docs, memberGates);
            });
            return isEnum
                ? new WitEnum(Location(name), name.Text, docs, gates, members)
                : new WitFlags(Location(name), name.Text, docs, gates, members);
        }

        if (_current.Is("resource"))
        {
            Advance();
            var name = ExpectIdentifier("a resource name");
            var functions = new List<WitFunction>();
            if (Accept(WitTokenKind.Semicolon))
            {
                return new WitResource(Location(name), name.Text, docs, gates, functions);
            }

            Expect(WitTokenKind.LeftBrace, $"';' or '{{' after 'resource {name.Text}'");
            while (!Accept(WitTokenKind.RightBrace))
            {
                functions.Add(ParseResourceFunction(name));
            }

            return new WitResource(Location(name), name.Text, docs, gates, functions);
        }

        return null;
    }

    private WitFunction ParseResourceFunction(WitToken resource)
    {
        var docs = _current.Docs;
        var gates = ParseGates();
        if (_current.Is("constructor"))
        {
            var keyword = _current;
            Advance();
            var parameters = ParseParameters();
            WitTypeRef? result = null;
            if (Accept(WitTokenKind.Arrow))
            {
                result = ParseType();
            }

            Expect(WitTokenKind.Semicolon, "';' after the constructor");
            return new WitFunction(Location(keyword), "constructor", docs ?? keyword.Docs, gates, WitFunctionKind.Constructor, false, parameters, result);
        }

        if (_current.Kind != WitTokenKind.Identifier || _current.IsKeyword)
        {
            throw Unexpected($"'constructor', a method ('name: func(...)') or '}}' to close resource {resource.Text}");
        }

        var name = _current;
        Advance();
        Expect(WitTokenKind.Colon, $"':' after '{name.Text}'");
        var kind = WitFunctionKind.Method;
        if (_current.Is("static"))
        {
            Advance();
            kind = WitFunctionKind.Static;
        }

        var function = ParseFunctionType(name, docs ?? name.Docs, gates, kind);
        Expect(WitTokenKind.Semicolon, "';' after the function");
        return function;
    }

    private List<T> ParseBody<T>(WitToken name, string keyword, string what, Func<T> parseItem)
    {
        Expect(WitTokenKind.LeftBrace, $"'{{' after '{keyword} {name.Text}'");
        var items = new List<T>();
        while (_current.Kind != WitTokenKind.RightBrace)
        {
            items.Add(parseItem());
            if (!Accept(WitTokenKind.Comma))
            {
                break;
            }
        }

        if (_current.Kind != WitTokenKind.RightBrace)
        {
            throw Unexpected($"',' or '}}' in {keyword} {name.Text}");
        }

        if (items.Count == 0)
        {
            throw Error(_current, $"{keyword} {name.Text} is empty; expected {what}");
        }

        Advance();
        return items;
    }

    private WitFunction ParseFunctionType(WitToken name, string? docs, IReadOnlyList<WitGate> gates, WitFunctionKind kind)
    {
        var isAsync = false;
        if (_current.Is("async"))
        {
            Advance();
            isAsync = true;
        }

        ExpectWord("func", $"'func' after '{name.Text}:'");
        var parameters = ParseParameters();
        WitTypeRef? result = null;
        if (Accept(WitTokenKind.Arrow))
        {
            if (_current.Kind == WitTokenKind.LeftParen)
            {
                throw Error(_current, "expected a type after '->'; named or multiple results '-> (a: T, b: U)' are no longer WIT, return a tuple or a record");
            }

            result = ParseType();
        }

        return new WitFunction(Location(name), name.Text, docs ?? name.Docs, gates, kind, isAsync, parameters, result);
    }

    private List<WitParameter> ParseParameters()
    {
        Expect(WitTokenKind.LeftParen, "'(' to start the parameters");
        var parameters = new List<WitParameter>();
        while (_current.Kind != WitTokenKind.RightParen)
        {
            var name = ExpectIdentifier("a parameter name or ')'");
            Expect(WitTokenKind.Colon, $"':' after parameter name '{name.Text}'");
            parameters.Add(new WitParameter(Location(name), name.Text, ParseType()));
            if (!Accept(WitTokenKind.Comma))
            {
                break;
            }
        }

        Expect(WitTokenKind.RightParen, "',' or ')' in the parameters");
        return parameters;
    }

    private WitTypeRef ParseType()
    {
        var token = _current;
        if (token.Kind != WitTokenKind.Identifier)
        {
            throw Unexpected("a type");
        }

        Advance();
        if (token.IsExplicit || !token.IsKeyword)
        {
            return new WitNamedType(Location(token), token.Text);
        }

        switch (token.Text)
        {
            case "bool": return Primitive(token, WitPrimitiveKind.Bool);
            case "s8": return Primitive(token, WitPrimitiveKind.S8);
            case "s16": return Primitive(token, WitPrimitiveKind.S16);
            case "s32": return Primitive(token, WitPrimitiveKind.S32);
            case "s64": return Primitive(token, WitPrimitiveKind.S64);
            case "u8": return Primitive(token, WitPrimitiveKind.U8);
            case "u16": return Primitive(token, WitPrimitiveKind.U16);
            case "u32": return Primitive(token, WitPrimitiveKind.U32);
            case "u64": return Primitive(token, WitPrimitiveKind.U64);
            case "f32": return Primitive(token, WitPrimitiveKind.F32);
            case "f64": return Primitive(token, WitPrimitiveKind.F64);
            case "char": return Primitive(token, WitPrimitiveKind.Char);
            case "string": return Primitive(token, WitPrimitiveKind.String);
            case "list":
                {
                    OpenAngle(token);
                    var element = ParseType();
                    int? length = null;
                    if (Accept(WitTokenKind.Comma))
                    {
                        var size = _current;
                        Expect(WitTokenKind.Integer, "the fixed length of the list");
                        if (!int.TryParse(size.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value == 0)
                        {
                            throw Error(size, $"a fixed list length must be a positive 32-bit number, found {size.Text}");
                        }

                        length = value;
                    }

                    return new WitListType(CloseAngle(token, "list"), element, length);
                }

            case "option":
                {
                    OpenAngle(token);
                    var inner = ParseType();
                    return new WitOptionType(CloseAngle(token, "option"), inner);
                }

            case "result":
                {
                    if (!Accept(WitTokenKind.LeftAngle))
                    {
                        return new WitResultType(Location(token), null, null);
                    }

                    WitTypeRef? ok = null;
                    if (Accept(WitTokenKind.Underscore))
                    {
                        Expect(WitTokenKind.Comma, "',' and the error type after 'result<_' (a result without either payload is written 'result')");
                    }
                    else
                    {
                        ok = ParseType();
                        if (!Accept(WitTokenKind.Comma))
                        {
                            return new WitResultType(CloseAngle(token, "result"), ok, null);
                        }
                    }

                    var err = ParseType();
                    return new WitResultType(CloseAngle(token, "result"), ok, err);
                }

            case "tuple":
                {
                    OpenAngle(token);
                    var elements = new List<WitTypeRef>();
                    do
                    {
                        if (elements.Count > 0 && _current.Kind == WitTokenKind.RightAngle)
                        {
                            break;
                        }

                        elements.Add(ParseType());
                    }
                    while (Accept(WitTokenKind.Comma));

                    return new WitTupleType(CloseAngle(token, "tuple"), elements);
                }

            case "map":
                {
                    OpenAngle(token);
                    var key = ParseType();
                    Expect(WitTokenKind.Comma, "',' and the value type after the map's key type");
                    var value = ParseType();
                    return new WitMapType(CloseAngle(token, "map"), key, value);
                }

            case "borrow":
            case "own":
                {
                    OpenAngle(token);
                    var resource = ExpectIdentifier("a resource name");
                    return new WitHandleType(CloseAngle(token, token.Text), resource.Text, token.Text == "borrow");
                }

            case "future":
            case "stream":
                {
                    WitTypeRef? payload = null;
                    var location = Location(token);
                    if (Accept(WitTokenKind.LeftAngle))
                    {
                        payload = ParseType();
                        location = CloseAngle(token, token.Text);
                    }

                    return token.Text == "future" ? new WitFutureType(location, payload) : new WitStreamType(location, payload);
                }

            default:
                throw Error(token, $"expected a type, found keyword '{token.Text}' (write '%{token.Text}' to use it as a name)");
        }
    }

    private WitPrimitiveType Primitive(WitToken token, WitPrimitiveKind kind) => new(Location(token), kind);

    private void OpenAngle(WitToken keyword) => Expect(WitTokenKind.LeftAngle, $"'<' after '{keyword.Text}'");

    private WitLocation CloseAngle(WitToken keyword, string what)
    {
        Expect(WitTokenKind.RightAngle, $"'>' to close '{what}<'");
        return _source.Location(keyword.Start, _previous.End);
    }

    private WitWorld ParseWorld(string? docs, IReadOnlyList<WitGate> gates)
    {
        var name = ExpectIdentifier("a world name");
        Expect(WitTokenKind.LeftBrace, $"'{{' after 'world {name.Text}'");
        var imports = new List<WitWorldExtern>();
        var exports = new List<WitWorldExtern>();
        var includes = new List<WitInclude>();
        var uses = new List<WitUse>();
        var types = new List<WitTypeDefinition>();
        while (!Accept(WitTokenKind.RightBrace))
        {
            var itemDocs = _current.Docs;
            var itemGates = ParseGates();
            if (_current.Is("import") || _current.Is("export"))
            {
                var isImport = _current.Is("import");
                Advance();
                (isImport ? imports : exports).Add(ParseExtern(itemDocs, itemGates));
            }
            else if (_current.Is("include"))
            {
                var keyword = _current;
                Advance();
                var world = ParseUsePath();
                var with = new List<WitUseName>();
                if (_current.Is("with"))
                {
                    Advance();
                    Expect(WitTokenKind.LeftBrace, "'{' after 'with'");
                    with = ParseNameList("a name to rename", "',' or '}'");
                }

                Expect(WitTokenKind.Semicolon, "';' after the include");
                includes.Add(new WitInclude(Location(keyword), world, with));
            }
            else if (_current.Is("use"))
            {
                uses.Add(ParseUse());
            }
            else if (TryParseTypeDefinition(itemDocs, itemGates) is { } type)
            {
                types.Add(type);
            }
            else
            {
                throw Unexpected($"'import', 'export', 'include', 'use', a type definition or '}}' to close world {name.Text}");
            }
        }

        return new WitWorld(Location(name), name.Text, docs, gates, imports, exports, includes, uses, types);
    }

    private WitWorldExtern ParseExtern(string? docs, IReadOnlyList<WitGate> gates)
    {
        var first = ExpectIdentifier("an interface, or a name followed by ':'");
        docs ??= first.Docs;
        if (_current.Kind == WitTokenKind.Colon
            && _current.Start == first.End
            && (char.IsLetter(_lexer.CharAt(_current.End)) || _lexer.CharAt(_current.End) == '%'))
        {
            // `import a:b/c;`: a ':' with no space on either side belongs to a package path, not a plain name.
            var path = ParseUsePathAfter(first);
            Expect(WitTokenKind.Semicolon, $"';' after '{path}'");
            return new WitWorldExtern(path.Location, path.ToString(), docs, gates, path, null, null);
        }

        if (!Accept(WitTokenKind.Colon))
        {
            var local = new WitUsePath(Location(first), null, first.Text);
            Expect(WitTokenKind.Semicolon, $"';' after '{first.Text}', or ':' and a type to name the import or export");
            return new WitWorldExtern(local.Location, first.Text, docs, gates, local, null, null);
        }

        if (_current.Is("func") || _current.Is("async"))
        {
            var function = ParseFunctionType(first, docs, gates, WitFunctionKind.Freestanding);
            Expect(WitTokenKind.Semicolon, "';' after the function");
            return new WitWorldExtern(Location(first), first.Text, docs, gates, null, function, null);
        }

        if (_current.Is("interface"))
        {
            Advance();
            var inline = ParseInterfaceBody(first, docs, gates);
            return new WitWorldExtern(Location(first), first.Text, docs, gates, null, null, inline);
        }

        var target = ParseUsePath();
        Expect(WitTokenKind.Semicolon, $"';' after '{target}'");
        return new WitWorldExtern(Location(first), first.Text, docs, gates, target, null, null);
    }

    private WitToken ExpectIdentifier(string what)
    {
        var token = _current;
        if (token.Kind != WitTokenKind.Identifier)
        {
            throw Unexpected(what);
        }

        if (token.IsKeyword)
        {
            throw Error(token, $"expected {what}, found keyword '{token.Text}' (write '%{token.Text}' to use it as a name)");
        }

        Advance();
        return token;
    }

    private void ExpectWord(string word, string what)
    {
        if (!(_current.Kind == WitTokenKind.Identifier && !_current.IsExplicit && _current.Text == word))
        {
            throw Unexpected(what);
        }

        Advance();
    }

    private void Expect(WitTokenKind kind, string what)
    {
        if (_current.Kind != kind)
        {
            throw Unexpected(what);
        }

        Advance();
    }

    private bool Accept(WitTokenKind kind)
    {
        if (_current.Kind != kind)
        {
            return false;
        }

        Advance();
        return true;
    }

    private void Advance()
    {
        _previous = _current;
        _current = _lexer.Next();
    }

    private WitLocation Location(WitToken token) => _source.Location(token.Start, token.End);

    private WitParseException Unexpected(string expected) => Error(_current, $"expected {expected}, found {_current.Describe()}");

    private WitParseException Error(WitToken token, string message) => _source.Error(token.Start, Math.Max(token.End, token.Start + 1), message);
}
