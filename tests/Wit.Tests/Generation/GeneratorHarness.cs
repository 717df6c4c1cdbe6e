extern alias WitGenerator;

using System.Collections.Immutable;
using ExtensibilityHost.Sdk.Wit.Runtime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Wasmtime.Components;
using WitBindingsGenerator = WitGenerator::ExtensibilityHost.Sdk.WitGenerator.WitBindingsGenerator;

namespace ExtensibilityHost.Wit.Tests.Generation;

/// <summary>Runs the WIT generator with <see cref="CSharpGeneratorDriver"/> on .wit files and compiles what it generates.</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p != typeof(GeneratorHarness).Assembly.Location)
            .Append(typeof(ComponentValue).Assembly.Location)
            .Append(typeof(IWitInvoker).Assembly.Location);
        return [.. paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    /// <summary>Runs the generator on the .wit files and compiles its output (plus <paramref name="extraSource"/>).</summary>
    public static GeneratorRun Run(IEnumerable<string> witPaths, string? extraSource = null, string? rootNamespace = null)
    {
        var texts = witPaths.Select(p => (AdditionalText)new WitFileText(p, File.ReadAllText(p))).ToImmutableArray();
        return RunTexts(texts, extraSource, rootNamespace);
    }

    /// <summary>Runs the generator on in-memory .wit texts.</summary>
    public static GeneratorRun RunText(string path, string wit) => RunTexts([new WitFileText(path, wit)], null, null);

    private static GeneratorRun RunTexts(ImmutableArray<AdditionalText> texts, string? extraSource, string? rootNamespace)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "WitBindings",
            extraSource is null ? [] : [CSharpSyntaxTree.ParseText(extraSource, parse)],
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999));
        var options = new TestOptionsProvider(rootNamespace is null ? [] : new Dictionary<string, string> { ["build_property.WitBindingsNamespace"] = rootNamespace });
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new WitBindingsGenerator().AsSourceGenerator()], texts, parse, options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        return new GeneratorRun(
            result.GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString()),
            generatorDiagnostics,
            output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray(),
            output);
    }

    private sealed class WitFileText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class TestOptionsProvider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}

/// <summary>What one generator run produced: sources by hint name, the generator's diagnostics, and the compiler's warnings and errors.</summary>
internal sealed record GeneratorRun(
    IReadOnlyDictionary<string, string> Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompilationDiagnostics,
    Compilation Compilation)
{
    public string Describe() => string.Join("\n", GeneratorDiagnostics.Concat(CompilationDiagnostics).Select(d => d.ToString()));
}
