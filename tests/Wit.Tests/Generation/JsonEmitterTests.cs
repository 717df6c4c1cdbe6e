using Microsoft.CodeAnalysis;

namespace ExtensibilityHost.Wit.Tests.Generation;

/// <summary>
/// The JSON half of the bindings: a <c>…Json</c> class per interface and a <c>…JsonClient</c> per exported
/// interface, generated with or without Wasmtime in the compilation; without it nothing else is generated.
/// </summary>
public sealed class JsonEmitterTests
{
    private static string[] WitFiles(string directory) => Directory.GetFiles(directory, "*.wit", SearchOption.AllDirectories);

    [Fact]
    public void Generate_AcmeShopWithoutWasmtime_CompilesTypesAndJsonOnly()
    {
        var run = GeneratorHarness.Run(WitFiles(RepositoryPaths.Wit("examples/acme-shop")), withWasmtime: false);

        Assert.True(run.GeneratorDiagnostics.IsEmpty && run.CompilationDiagnostics.IsEmpty, run.Describe());
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("Acme.Shop.Pricing.PricingJson"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("Acme.Shop.Pricing.PricingJsonClient"));
        Assert.Null(run.Compilation.GetTypeByMetadataName("Acme.Shop.Pricing.PricingCodec"));
        Assert.Null(run.Compilation.GetTypeByMetadataName("Acme.Shop.Pricing.PricingClient"));
        Assert.Null(run.Compilation.GetTypeByMetadataName("Saas.Extensibility.KeyValue.KeyValueImport"));
        Assert.DoesNotContain(run.Sources.Values, source => source.Contains("Wasmtime", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_CorpusWithoutWasmtime_Compiles()
    {
        var run = GeneratorHarness.Run(WitFiles(RepositoryPaths.Corpus("kitchen-sink")), withWasmtime: false);

        Assert.True(run.CompilationDiagnostics.IsEmpty, run.Describe());
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("Corpus.KitchenSink.Shapes.ShapesJson"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("Corpus.KitchenSink.Api.ApiJsonClient"));
    }

    [Fact]
    public void Generate_AcmeShop_JsonClientHasTheComponentValueClientsSignatures()
    {
        var run = GeneratorHarness.Run(WitFiles(RepositoryPaths.Wit("examples/acme-shop")));

        var json = run.Compilation.GetTypeByMetadataName("Acme.Shop.Pricing.PricingJsonClient")!;
        var codec = run.Compilation.GetTypeByMetadataName("Acme.Shop.Pricing.PricingClient")!;
        var constructor = Assert.Single(json.InstanceConstructors);
        Assert.Equal("ExtensibilityHost.Sdk.Wit.Runtime.IWitJsonInvoker", constructor.Parameters.Single().Type.ToDisplayString());
        Assert.Equal(Signatures(codec), Signatures(json));
        Assert.Equal("acme:shop/pricing@1.0.0", json.GetMembers("InterfaceName").OfType<IFieldSymbol>().Single().ConstantValue);
    }

    [Fact]
    public void Generate_AcmeShop_JsonClassConvertsEveryType()
    {
        var run = GeneratorHarness.Run(WitFiles(RepositoryPaths.Wit("examples/acme-shop")));

        var json = run.Compilation.GetTypeByMetadataName("Acme.Shop.Pricing.PricingJson")!;
        Assert.Equal(
            [
                "Acme.Shop.Pricing.Cart DecodeCart(System.Text.Json.Nodes.JsonNode? json)",
                "Acme.Shop.Pricing.CartDiscount DecodeCartDiscount(System.Text.Json.Nodes.JsonNode? json)",
                "Acme.Shop.Pricing.Customer DecodeCustomer(System.Text.Json.Nodes.JsonNode? json)",
                "Acme.Shop.Pricing.LineItem DecodeLineItem(System.Text.Json.Nodes.JsonNode? json)",
                "Acme.Shop.Pricing.Quote DecodeQuote(System.Text.Json.Nodes.JsonNode? json)",
                "Acme.Shop.Pricing.Tier DecodeTier(System.Text.Json.Nodes.JsonNode? json)",
                "System.Text.Json.Nodes.JsonNode EncodeCart(Acme.Shop.Pricing.Cart value)",
                "System.Text.Json.Nodes.JsonNode EncodeCartDiscount(Acme.Shop.Pricing.CartDiscount value)",
                "System.Text.Json.Nodes.JsonNode EncodeCustomer(Acme.Shop.Pricing.Customer value)",
                "System.Text.Json.Nodes.JsonNode EncodeLineItem(Acme.Shop.Pricing.LineItem value)",
                "System.Text.Json.Nodes.JsonNode EncodeQuote(Acme.Shop.Pricing.Quote value)",
                "System.Text.Json.Nodes.JsonNode EncodeTier(Acme.Shop.Pricing.Tier value)",
            ],
            json.GetMembers().OfType<IMethodSymbol>().Where(m => m.DeclaredAccessibility == Accessibility.Public)
                .Select(m => $"{m.ReturnType.ToDisplayString()} {m.Name}({string.Join(", ", m.Parameters.Select(p => $"{p.Type.ToDisplayString()} {p.Name}"))})")
                .Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Generate_TypeNamedLikeTheJsonClass_GetsASuffix()
    {
        var run = GeneratorHarness.RunText("/src/wit/a.wit", "package a:b;\ninterface i {\n  record i-json { x: u8 }\n  f: func(r: i-json);\n}\nworld w { export i; }\n");

        Assert.True(run.CompilationDiagnostics.IsEmpty, run.Describe());
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("A.B.I.IJson"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("A.B.I.IJson_"));
        Assert.NotNull(run.Compilation.GetTypeByMetadataName("A.B.I.IJsonClient"));
    }

    /// <summary>The calls a client offers: its instance methods (the ComponentValue client's static argument encoders and result decoders are the host's, not a caller's).</summary>
    private static List<string> Signatures(INamedTypeSymbol client) =>
        [.. client.GetMembers().OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && !m.IsStatic)
            .Select(m => $"{m.ReturnType.ToDisplayString()} {m.Name}({string.Join(", ", m.Parameters.Select(p => $"{p.Type.ToDisplayString()} {p.Name}"))})")
            .Order(StringComparer.Ordinal)];
}
