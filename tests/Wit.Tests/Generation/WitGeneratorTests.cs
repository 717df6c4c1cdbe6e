using Microsoft.CodeAnalysis;

namespace ExtensibilityHost.Wit.Tests.Generation;

/// <summary>The source generator run with <see cref="Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver"/>: its output compiles, and WIT errors become located compiler diagnostics.</summary>
public sealed class WitGeneratorTests
{
    private static string[] WitFiles(string directory) => Directory.GetFiles(directory, "*.wit", SearchOption.AllDirectories);

    [Fact]
    public void Generate_AcmeShop_CompilesWithoutWarnings()
    {
        var run = GeneratorHarness.Run(WitFiles(RepositoryPaths.Wit("examples/acme-shop")));

        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.CompilationDiagnostics.IsEmpty, run.Describe());
        Assert.Equal(
            [
                "Acme.Shop.Pricing.Json.g.cs", "Acme.Shop.Pricing.g.cs",
                "Saas.Extensibility.Config.Json.g.cs", "Saas.Extensibility.Config.g.cs",
                "Saas.Extensibility.EventHandler.Json.g.cs", "Saas.Extensibility.EventHandler.g.cs",
                "Saas.Extensibility.ExtensionPoint.Json.g.cs", "Saas.Extensibility.ExtensionPoint.g.cs",
                "Saas.Extensibility.KeyValue.Json.g.cs", "Saas.Extensibility.KeyValue.g.cs",
                "Saas.Extensibility.Logging.Json.g.cs", "Saas.Extensibility.Logging.g.cs",
                "Saas.Extensibility.Types.Json.g.cs", "Saas.Extensibility.Types.g.cs",
            ],
            run.Sources.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_AcmeShop_EmitsTypesClientAndCodec()
    {
        var run = GeneratorHarness.Run(WitFiles(RepositoryPaths.Wit("examples/acme-shop")));

        var types = TypeNames(run, "Acme.Shop.Pricing");
        Assert.Equal(["Cart", "CartDiscount", "CartDiscount+AmountCents", "CartDiscount+None", "CartDiscount+Percent", "Customer", "LineItem", "PricingClient", "PricingCodec", "PricingJson", "PricingJsonClient", "Quote", "Tier"], types);
        var client = run.Compilation.GetTypeByMetadataName("Acme.Shop.Pricing.PricingClient")!;
        var discount = Assert.Single(client.GetMembers("DiscountAsync").OfType<IMethodSymbol>());
        Assert.Equal("System.Threading.Tasks.Task<ExtensibilityHost.Sdk.Wit.Runtime.Result<Acme.Shop.Pricing.Quote, string>>", discount.ReturnType.ToDisplayString());
        Assert.Equal(["Acme.Shop.Pricing.Cart cart", "System.Threading.CancellationToken cancellationToken"], discount.Parameters.Select(p => $"{p.Type.ToDisplayString()} {p.Name}"));
    }

    [Fact]
    public void Generate_ImportedInterfaces_AreHostInterfacesToImplement()
    {
        var run = GeneratorHarness.Run(WitFiles(RepositoryPaths.Wit("saas-extensibility")));

        var keyValue = run.Compilation.GetTypeByMetadataName("Saas.Extensibility.KeyValue.IKeyValue")!;
        Assert.Equal(TypeKind.Interface, keyValue.TypeKind);
        Assert.Equal(
            ["byte[]? Get(string key)", "ExtensibilityHost.Sdk.Wit.Runtime.Result<ExtensibilityHost.Sdk.Wit.Runtime.Unit, string> Set(string key, byte[] value)", "void Delete(string key)"],
            keyValue.GetMembers().OfType<IMethodSymbol>().Select(m => $"{m.ReturnType.ToDisplayString()} {m.Name}({string.Join(", ", m.Parameters.Select(p => $"{p.Type.ToDisplayString()} {p.Name}"))})"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("Saas.Extensibility.KeyValue.KeyValueImport"));
        Assert.Null(run.Compilation.GetTypeByMetadataName("Saas.Extensibility.KeyValue.KeyValueClient"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("Saas.Extensibility.EventHandler.EventHandlerClient"));
        Assert.Null(run.Compilation.GetTypeByMetadataName("Saas.Extensibility.EventHandler.IEventHandler"));
    }

    [Fact]
    public void Generate_Corpus_CompilesAndWarnsOnlyAboutResources()
    {
        var run = GeneratorHarness.Run(WitFiles(RepositoryPaths.Corpus("kitchen-sink")));

        Assert.True(run.CompilationDiagnostics.IsEmpty, run.Describe());
        Assert.Equal(
            [
                "WIT003 types.wit(88,12): resource 'blob' is skipped: the C# bindings do not support resource 'blob'",
                "WIT003 types.wit(98,3): function 'uses-resource' of interface 'shapes' is skipped: the C# bindings do not support resource handle borrow<blob>",
            ],
            run.GeneratorDiagnostics.Select(Describe));
    }

    [Fact]
    public void Generate_Corpus_MapsTrickyTypesToCSharp()
    {
        var run = GeneratorHarness.Run(WitFiles(RepositoryPaths.Corpus("kitchen-sink")));

        Assert.Equal(
            [
                "global::System.Collections.Generic.IReadOnlyList<global::ExtensibilityHost.Sdk.Wit.Runtime.Result<(byte, string), global::Corpus.KitchenSink.Shapes.ErrorCode>?> Deep",
                "global::ExtensibilityHost.Sdk.Wit.Runtime.Option<uint?> MaybeMaybe",
                "byte[] Bytes",
                "byte[]? MaybeBytes",
                "(global::System.Text.Rune, sbyte, short, int, float) Pair",
                "global::System.ValueTuple<ushort> Single",
                "(byte, byte, byte, byte, byte, byte, byte, byte, byte) Long",
                "global::System.Collections.Generic.IReadOnlyList<global::System.Collections.Generic.IReadOnlyList<string>> ListOfLists",
                "global::System.Collections.Generic.IReadOnlyList<global::ExtensibilityHost.Sdk.Wit.Runtime.Result<ulong, global::Corpus.KitchenSink.Shapes.ErrorCode>> Results",
            ],
            Properties(run.Sources["Corpus.KitchenSink.Shapes.g.cs"], "Nesting"));
        Assert.Equal(["ClashValue", "EqualsValue", "ToStringValue", "GetHashCodeValue"], Properties(run.Sources["Corpus.KitchenSink.Shapes.g.cs"], "Clash").Select(p => p.Split(' ')[^1]));
        var shape = run.Compilation.GetTypeByMetadataName("Corpus.KitchenSink.Shapes.Shape")!;
        Assert.Equal(["Circle", "Named", "Point", "Polygon", "ShapeCase", "ValueCase"], shape.GetTypeMembers().Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_RootNamespaceProperty_PrefixesNamespaces()
    {
        var run = GeneratorHarness.Run(WitFiles(RepositoryPaths.Wit("examples/acme-shop")), rootNamespace: "MyApp.Wit");

        Assert.True(run.CompilationDiagnostics.IsEmpty, run.Describe());
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("MyApp.Wit.Acme.Shop.Pricing.Cart"));
    }

    [Fact]
    public void Generate_SyntaxError_IsAnErrorAtTheWitLineAndColumn()
    {
        var run = GeneratorHarness.RunText("/src/wit/bad.wit", "package a:b;\ninterface i {\n  record r { sku u32 }\n}\n");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIT001 bad.wit(3,18): expected ':' after field name 'sku', found keyword 'u32'", Describe(diagnostic));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("/src/wit/bad.wit", diagnostic.Location.GetLineSpan().Path);
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Generate_UnknownType_IsAnErrorAtTheReference()
    {
        var run = GeneratorHarness.RunText("/src/wit/bad.wit", "package a:b;\ninterface i {\n  f: func(x: nope);\n}\n");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("WIT002 bad.wit(3,14): unknown type 'nope' in 'i'", Describe(diagnostic));
        Assert.Empty(run.Sources);
    }

    [Fact]
    public void Generate_TwoVersionsOfAPackage_PutsEachInItsOwnNamespace()
    {
        var directory = Directory.CreateTempSubdirectory("wit-versions").FullName;
        File.WriteAllText(Path.Combine(directory, "a.wit"), "package x:y@1.0.0 {\n  interface i { record r { a: u8 } }\n}\npackage x:y@1.1.0 {\n  interface i { record r { a: u8, b: u8 } }\n}\n");

        var run = GeneratorHarness.Run([Path.Combine(directory, "a.wit")]);

        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.CompilationDiagnostics.IsEmpty, run.Describe());
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("X.Y.V1_0_0.I.R"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("X.Y.V1_1_0.I.R"));
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return $"{diagnostic.Id} {Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static List<string> TypeNames(GeneratorRun run, string ns) =>
        [.. run.Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).OfType<INamedTypeSymbol>()
            .Where(t => t.ContainingNamespace.ToDisplayString() == ns)
            .Select(t => t.ContainingType is null ? t.Name : $"{t.ContainingType.Name}+{t.Name}")
            .Order(StringComparer.Ordinal)];

    /// <summary>The property declarations (type and name) of a generated record, from its source.</summary>
    private static List<string> Properties(string source, string record)
    {
        var start = source.IndexOf($"public sealed partial record {record}\n", StringComparison.Ordinal);
        var end = source.IndexOf("\n}\n", start, StringComparison.Ordinal);
        return [.. source[start..end].Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("public ", StringComparison.Ordinal) && l.EndsWith("{ get; init; }", StringComparison.Ordinal))
            .Select(l => l["public ".Length..^" { get; init; }".Length].Replace("required ", string.Empty, StringComparison.Ordinal))];
    }
}
