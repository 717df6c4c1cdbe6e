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
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(() => References(withWasmtime: true));

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_referencesWithoutWasmtime = new(() => References(withWasmtime: false));

    /// <summary>Runs the generator on the .wit files and compiles its output (plus <paramref name="extraSource"/>).</summary>
    /// <param name="withWasmtime">
    /// Reference Wasmtime and <c>Extensions.Wit.Runtime</c> (as the host does); without them the compilation
    /// sees only <c>Extensions.Wit.Types</c>, as an application that calls tenant code over HTTP does.
    /// </param>
    public static GeneratorRun Run(IEnumerable<string> witPaths, string? extraSource = null, string? rootNamespace = null, bool withWasmtime = true)
    {
        var texts = witPaths.Select(p => (AdditionalText)new WitFileText(p, File.ReadAllText(p))).ToImmutableArray();
        return RunTexts(texts, extraSource, rootNamespace, withWasmtime);
    }

    /// <summary>Runs the generator on in-memory .wit texts.</summary>
    public static GeneratorRun RunText(string path, string wit) => RunTexts([new WitFileText(path, wit)], null, null, withWasmtime: true);

    private static ImmutableArray<MetadataReference> References(bool withWasmtime)
    {
        string[] wasmtime = [typeof(ComponentValue).Assembly.Location, typeof(IWitInvoker).Assembly.Location];
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p != typeof(GeneratorHarness).Assembly.Location)
            .Append(typeof(IWitJsonInvoker).Assembly.Location)
            .Concat(wasmtime)
            .Where(p => withWasmtime || !wasmtime.Contains(p));
        return [.. paths.Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static GeneratorRun RunTexts(ImmutableArray<AdditionalText> texts, string? extraSource, string? rootNamespace, bool withWasmtime)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var compilation = CSharpCompilation.Create(
            "WitBindings",
            extraSource is null ? [] : [CSharpSyntaxTree.ParseText(extraSource, parse)],
            withWasmtime ? s_references.Value : s_referencesWithoutWasmtime.Value,
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
