using System.Text.RegularExpressions;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// docs/wit.md against wit/: every interface and world of the package appears there verbatim in a
/// <c>wit</c> block under its own heading, nothing else does, and every function and type the
/// package declares is explained by name. Changing the WIT without the reference fails here.
/// </summary>
public sealed partial class WitReferenceTests
{
    private static readonly string WitFile = Path.Combine(Projects.RepositoryRoot, "wit", "saas-extensibility", "extensibility.wit");
    private static readonly string Reference = Path.Combine(Projects.RepositoryRoot, "docs", "wit.md");

    /// <summary>Each top-level <c>interface</c> and <c>world</c> of the package: from its first line to its closing brace, without the comments before it.</summary>
    private static Dictionary<string, string> Items()
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(WitFile);
        for (var i = 0; i < lines.Length; i++)
        {
            if (TopLevelItem().Match(lines[i]) is not { Success: true } start)
            {
                continue;
            }

            var end = Array.FindIndex(lines, i, line => line == "}");
            items.Add(start.Groups["name"].Value, string.Join('\n', lines[i..(end + 1)]));
            i = end;
        }

        return items;
    }

    private static List<string> WitBlocks() =>
        [.. WitBlock().Matches(File.ReadAllText(Reference).ReplaceLineEndings("\n")).Select(m => m.Groups["body"].Value.TrimEnd('\n'))];

    [Fact]
    public void EveryInterfaceAndWorld_IsInTheReferenceVerbatim()
    {
        var blocks = WitBlocks();

        Assert.Equal(8, Items().Count);
        Assert.All(Items(), item => Assert.True(blocks.Contains(item.Value), $"docs/wit.md has no ```wit block equal to {item.Key} in {WitFile}"));
    }

    [Fact]
    public void TheReference_HasNoWitBlockThatIsNotInThePackage()
    {
        var items = Items().Values.ToHashSet(StringComparer.Ordinal);
        var package = File.ReadAllLines(WitFile).Single(l => l.StartsWith("package ", StringComparison.Ordinal));

        Assert.All(WitBlocks(), block => Assert.True(block == package || items.Contains(block), $"docs/wit.md shows WIT that is not in the package:\n{block}"));
    }

    [Fact]
    public void EveryInterfaceAndWorld_HasItsHeading()
    {
        var headings = File.ReadAllLines(Reference).Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith("### ", StringComparison.Ordinal)).ToList();

        Assert.All(Items().Keys, name => Assert.Contains(headings, h => h.Contains($"`{name}`", StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryFunctionAndType_IsNamedInTheProse()
    {
        var wit = File.ReadAllText(WitFile);
        var prose = WitBlock().Replace(File.ReadAllText(Reference).ReplaceLineEndings("\n"), "");
        var declared = Declaration().Matches(wit).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.True(declared.Count >= 10, $"only {declared.Count} declarations found");
        Assert.All(declared, name => Assert.Contains($"`{name}", prose, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^(interface|world) (?<name>[a-z][a-z0-9-]*) \{$")]
    private static partial Regex TopLevelItem();

    [GeneratedRegex(@"^```wit\n(?<body>.*?)^```$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex WitBlock();

    /// <summary>Functions (<c>name: func</c>) and types (<c>record|variant|enum|flags|resource|type name</c>).</summary>
    [GeneratedRegex(@"^\s*(?:(?<name>[a-z][a-z0-9-]*): func|(?:record|variant|enum|flags|resource|type) (?<name>[a-z][a-z0-9-]*))", RegexOptions.Multiline)]
    private static partial Regex Declaration();
}
