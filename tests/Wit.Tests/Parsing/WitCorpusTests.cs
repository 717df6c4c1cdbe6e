using ExtensibilityHost.Sdk.Wit.IO;
using ExtensibilityHost.Sdk.Wit.Resolution;
using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Wit.Tests.Parsing;

/// <summary>The parser and resolver on the tricky WIT of <c>corpus/kitchen-sink</c>.</summary>
public sealed class WitCorpusTests
{
    private readonly WitResolution _resolution = WitDirectory.Resolve(RepositoryPaths.Corpus("kitchen-sink"));

    private WitPackage Package => _resolution.Packages.Single(p => p.Name.Name == "kitchen-sink");

    private WitInterface Shapes => Package.Interfaces.Single(i => i.Name == "shapes");

    [Fact]
    public void Resolve_KitchenSink_ResolvesAllPackagesWithoutDiagnostics()
    {
        Assert.Empty(_resolution.Diagnostics);
        Assert.Equal(["corpus:kitchen-sink@0.3.0-rc.1+build.7", "corpus:other@2.0.0", "corpus:nested@1.0.0"], _resolution.Packages.Select(p => p.Name.ToString()));
        Assert.Equal(2, Package.FilePaths.Count);
    }

    [Fact]
    public void Parse_PrereleaseVersion_KeepsEveryPart()
    {
        var version = Package.Name.Version!;

        Assert.Equal((0UL, 3UL, 0UL, "rc.1", "build.7"), (version.Major, version.Minor, version.Patch, version.Prerelease, version.Build));
    }

    [Fact]
    public void Parse_PercentEscapedKeywords_AreNamesWithoutThePercent()
    {
        var record = Assert.IsType<WitRecord>(Shapes.Types.Single(t => t.Name == "record"));

        Assert.Equal(["type", "enum", "plain", "ACRONYM-field", "with-digits2-x", "result"], record.Fields.Select(f => f.Name));
        Assert.Equal("A field called `type`.", record.Fields[0].Docs);
        Assert.Contains(Shapes.Functions, f => f.Name == "list" && f.Parameters.Select(p => p.Name).SequenceEqual(["type", "enum"]));
    }

    [Fact]
    public void Parse_NestedGenerics_BuildsTheWholeTree()
    {
        var deep = Assert.IsType<WitTypeAlias>(Shapes.Types.Single(t => t.Name == "deep"));

        var option = Assert.IsType<WitOptionType>(Assert.IsType<WitListType>(deep.Target).Element);
        var result = Assert.IsType<WitResultType>(option.Inner);
        var tuple = Assert.IsType<WitTupleType>(result.Ok);
        Assert.Equal([WitPrimitiveKind.U8, WitPrimitiveKind.String], tuple.Elements.Select(e => Assert.IsType<WitPrimitiveType>(e).Kind));
        Assert.Equal("error-code", Assert.IsType<WitNamedType>(result.Err).Name);
    }

    [Fact]
    public void Parse_ResultForms_DistinguishesMissingSides()
    {
        var results = Assert.IsType<WitRecord>(Shapes.Types.Single(t => t.Name == "results"));

        var sides = results.Fields.Select(f => Assert.IsType<WitResultType>(f.Type)).Select(r => (r.Ok is not null, r.Err is not null));

        Assert.Equal([(true, true), (true, false), (false, true), (false, false)], sides);
    }

    [Fact]
    public void Parse_BlockDocComment_StripsTheStars()
    {
        Assert.Equal("Shapes, with a block doc comment.\nSecond line.", Shapes.Docs);
        Assert.Equal("The corpus package: a pre-release version with build metadata.", Package.Docs);
    }

    [Fact]
    public void Parse_Gates_AreKeptOnTheirItems()
    {
        var alias = Shapes.Types.Single(t => t.Name == "alias-of-alias");
        var gated = Shapes.Types.Single(t => t.Name == "gated");

        Assert.Equal("0.2.0", Assert.Single(alias.Gates).Version!.ToString());
        Assert.Equal((WitGateKind.Unstable, "fancy"), (Assert.Single(gated.Gates).Kind, gated.Gates[0].Feature));
    }

    [Fact]
    public void Parse_Resource_ReadsConstructorMethodsAndStatics()
    {
        var blob = Assert.IsType<WitResource>(Shapes.Types.Single(t => t.Name == "blob"));

        Assert.Equal([WitFunctionKind.Constructor, WitFunctionKind.Method, WitFunctionKind.Static], blob.Functions.Select(f => f.Kind));
        Assert.Equal("A method.", blob.Functions[1].Docs);
        Assert.True(Assert.IsType<WitHandleType>(blob.Functions[2].Parameters[0].Type).IsBorrow);
    }

    [Fact]
    public void Resolve_UseWithRenames_MapsLocalNamesToDefinitions()
    {
        var api = Package.Interfaces.Single(i => i.Name == "api");

        var scope = _resolution.TypesInScope(api);

        Assert.Equal(["shape", "code", "rec", "permissions", "greeting", "inner-point"], scope.Keys);
        Assert.Equal("error-code", scope["code"].Name);
        Assert.Equal("record", scope["rec"].Name);
        Assert.Equal("corpus:other@2.0.0", _resolution.PackageOf(_resolution.InterfaceOf(scope["greeting"])!).Name.ToString());
        Assert.Equal("corpus:nested@1.0.0", _resolution.PackageOf(_resolution.InterfaceOf(scope["inner-point"])!).Name.ToString());
    }

    [Fact]
    public void Resolve_WorldIncludes_UniteImportsAndExports()
    {
        var full = Package.Worlds.Single(w => w.Name == "full");

        Assert.Equal(
            ["corpus:kitchen-sink/host@0.3.0-rc.1+build.7", "corpus:other/greetings@2.0.0"],
            _resolution.ImportsOf(full).Where(i => _resolution.PackageOf(i).Interfaces.Contains(i)).Select(_resolution.QualifiedName));
        Assert.Contains(_resolution.ImportsOf(full), i => i.Name == "inline");
        Assert.Equal(["api"], _resolution.ExportsOf(full).Select(i => i.Name));
        Assert.Equal(("greetings", "other-greetings"), (full.Includes[1].With[0].Name, full.Includes[1].With[0].Alias));
    }

    [Fact]
    public void Resolve_AliasOfAlias_UnaliasesToTheList()
    {
        var alias = Shapes.Types.Single(t => t.Name == "alias-of-alias");

        var target = _resolution.Unalias(alias);

        Assert.Equal("deep", target.Name);
        Assert.IsType<WitListType>(Assert.IsType<WitTypeAlias>(target).Target);
    }
}
