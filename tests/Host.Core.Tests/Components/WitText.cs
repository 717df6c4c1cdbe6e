using System.Text.RegularExpressions;

namespace ExtensibilityHost.Core.Tests.Components;

/// <summary>
/// Just enough of a WIT reader to compare the host's C# world catalog with the .wit files:
/// package name, interfaces with their functions' parameter names and <c>use</c>d interfaces,
/// and worlds with their imports and exports (qualified to <c>ns:pkg/name@version</c>).
/// </summary>
internal sealed partial class WitText
{
    private WitText(string package, Dictionary<string, WitTextInterface> interfaces, Dictionary<string, WitTextWorld> worlds)
    {
        Package = package;
        Interfaces = interfaces;
        Worlds = worlds;
    }

    /// <summary>E.g. <c>saas:extensibility@1.0.0</c>.</summary>
    public string Package { get; }

    /// <summary>By qualified name, e.g. <c>saas:extensibility/logging@1.0.0</c>.</summary>
    public IReadOnlyDictionary<string, WitTextInterface> Interfaces { get; }

    /// <summary>By qualified name.</summary>
    public IReadOnlyDictionary<string, WitTextWorld> Worlds { get; }

    public static WitText Parse(string text)
    {
        var source = CommentPattern().Replace(text, string.Empty);
        var package = PackagePattern().Match(source).Groups["name"].Value;
        var (prefix, version) = (package[..package.IndexOf('@', StringComparison.Ordinal)], package[(package.IndexOf('@', StringComparison.Ordinal) + 1)..]);
        string Qualify(string name) => name.Contains(':', StringComparison.Ordinal) ? name : $"{prefix}/{name}@{version}";

        var interfaces = new Dictionary<string, WitTextInterface>(StringComparer.Ordinal);
        var worlds = new Dictionary<string, WitTextWorld>(StringComparer.Ordinal);
        foreach (Match block in BlockPattern().Matches(source))
        {
            var name = Qualify(block.Groups["name"].Value);
            var body = Body(source, block.Index + block.Length);
            if (block.Groups["kind"].Value == "interface")
            {
                var functions = FunctionPattern().Matches(body).ToDictionary(
                    f => f.Groups["name"].Value,
                    f => new WitTextFunction(ParameterNames(f.Groups["params"].Value), f.Groups["result"].Success),
                    StringComparer.Ordinal);
                var uses = UsePattern().Matches(body).Select(u => Qualify(u.Groups["name"].Value)).ToHashSet(StringComparer.Ordinal);
                interfaces[name] = new WitTextInterface(functions, uses);
            }
            else
            {
                worlds[name] = new WitTextWorld(
                    [.. WorldItemPattern().Matches(body).Where(m => m.Groups["dir"].Value == "import").Select(m => Qualify(m.Groups["name"].Value))],
                    [.. WorldItemPattern().Matches(body).Where(m => m.Groups["dir"].Value == "export").Select(m => Qualify(m.Groups["name"].Value))]);
            }
        }

        return new WitText(package, interfaces, worlds);
    }

    private static string Body(string source, int openBrace)
    {
        var depth = 1;
        for (var i = openBrace; i < source.Length; i++)
        {
            depth += source[i] switch { '{' => 1, '}' => -1, _ => 0 };
            if (depth == 0)
            {
                return source[openBrace..i];
            }
        }

        throw new FormatException("Unbalanced braces in WIT text.");
    }

    private static string[] ParameterNames(string parameters)
    {
        var names = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= parameters.Length; i++)
        {
            if (i == parameters.Length || (parameters[i] == ',' && depth == 0))
            {
                var part = parameters[start..i].Trim();
                if (part.Length > 0)
                {
                    names.Add(part[..part.IndexOf(':', StringComparison.Ordinal)].Trim());
                }

                start = i + 1;
            }
            else
            {
                depth += parameters[i] switch { '<' => 1, '>' => -1, _ => 0 };
            }
        }

        return [.. names];
    }

    [GeneratedRegex(@"//[^\n]*")]
    private static partial Regex CommentPattern();

    [GeneratedRegex(@"\bpackage\s+(?<name>[a-z0-9:.@-]+)\s*;")]
    private static partial Regex PackagePattern();

    [GeneratedRegex(@"\b(?<kind>interface|world)\s+(?<name>[a-z][a-z0-9-]*)\s*\{")]
    private static partial Regex BlockPattern();

    [GeneratedRegex(@"(?<name>[a-z][a-z0-9-]*)\s*:\s*func\s*\((?<params>[^)]*)\)\s*(?<result>->)?")]
    private static partial Regex FunctionPattern();

    [GeneratedRegex(@"\buse\s+(?<name>[a-z0-9:/@.-]+)\.\{")]
    private static partial Regex UsePattern();

    [GeneratedRegex(@"\b(?<dir>import|export)\s+(?<name>[a-z0-9:/@.-]+)\s*;")]
    private static partial Regex WorldItemPattern();
}

internal sealed record WitTextFunction(string[] ParameterNames, bool HasResult);

internal sealed record WitTextInterface(IReadOnlyDictionary<string, WitTextFunction> Functions, IReadOnlySet<string> Uses);

internal sealed record WitTextWorld(string[] Imports, string[] Exports);
