using System.Collections.Immutable;
using ExtensibilityHost.Sdk.Wit;
using ExtensibilityHost.Sdk.Wit.Parsing;
using ExtensibilityHost.Sdk.Wit.Resolution;
using ExtensibilityHost.Sdk.Wit.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ExtensibilityHost.Sdk.WitGenerator;

/// <summary>
/// Generates C# bindings for the <c>.wit</c> files among a project's <c>AdditionalFiles</c>: records,
/// enums, flags and variants for the WIT types, a codec per interface, a typed client per exported
/// interface and an interface to implement per imported one (when the project references
/// <c>Extensions.Wit.Runtime</c>), and the JSON form of every type with a JSON client per exported
/// interface (when it references <c>Extensions.Wit.Types</c>, which the runtime brings along). Syntax and name errors are compiler
/// errors located in the <c>.wit</c> file (WIT001, WIT002); items the bindings cannot represent are
/// warnings (WIT003). The optional MSBuild property <c>WitBindingsNamespace</c> (made visible with
/// <c>&lt;CompilerVisibleProperty Include="WitBindingsNamespace" /&gt;</c>) prefixes the namespaces.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WitBindingsGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static text => text.Path.EndsWith(".wit", StringComparison.OrdinalIgnoreCase))
            .Select(static (text, cancellationToken) => Parse(text, cancellationToken))
            .Collect();
        var rootNamespace = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.WitBindingsNamespace", out var value) ? value : null);
        // What the project references decides what is generated: the Wasmtime half (codecs, IWitInvoker
        // clients, import bindings) needs Extensions.Wit.Runtime, the JSON half only Extensions.Wit.Types,
        // so an application calling tenant code over HTTP gets typed clients without Wasmtime. A project
        // with neither gets the Wasmtime half, as before the split (and errors saying what is missing).
        var targets = context.CompilationProvider
            .Select(static (compilation, _) => (
                ComponentValues: compilation.GetTypeByMetadataName("ExtensibilityHost.Sdk.Wit.Runtime.IWitInvoker") is not null,
                Json: compilation.GetTypeByMetadataName("ExtensibilityHost.Sdk.Wit.Runtime.IWitJsonInvoker") is not null));
        context.RegisterSourceOutput(
            files.Combine(rootNamespace).Combine(targets),
            static (output, input) => Generate(output, input.Left.Left, input.Left.Right, input.Right.ComponentValues || !input.Right.Json, input.Right.Json));
    }

    private static ParsedFile Parse(AdditionalText text, CancellationToken cancellationToken)
    {
        var content = text.GetText(cancellationToken)?.ToString() ?? string.Empty;
        try
        {
            return new ParsedFile(WitParser.Parse(text.Path, content), null);
        }
        catch (WitParseException exception)
        {
            return new ParsedFile(null, exception.Diagnostic);
        }
    }

    private static void Generate(SourceProductionContext output, ImmutableArray<ParsedFile> files, string? rootNamespace, bool componentValues, bool json)
    {
        foreach (var error in files.Select(f => f.Error).Where(e => e is not null))
        {
            output.ReportDiagnostic(WitGeneratorDiagnostics.Create(WitGeneratorDiagnostics.SyntaxError, error!.Location, error.Message));
        }

        var parsed = files.Where(f => f.File is not null).Select(f => f.File!).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        if (parsed.Count == 0)
        {
            return;
        }

        var resolution = WitResolver.Resolve(parsed);
        foreach (var error in resolution.Diagnostics)
        {
            output.ReportDiagnostic(WitGeneratorDiagnostics.Create(WitGeneratorDiagnostics.ResolutionError, error.Location, error.Message));
        }

        if (!resolution.Succeeded || files.Any(f => f.Error is not null))
        {
            return;
        }

        var emitter = new BindingsEmitter(resolution, rootNamespace, componentValues, json);
        emitter.Emit();
        foreach (var (location, isCollision, message) in emitter.Warnings)
        {
            output.ReportDiagnostic(WitGeneratorDiagnostics.Create(isCollision ? WitGeneratorDiagnostics.NameCollision : WitGeneratorDiagnostics.Unsupported, location, message));
        }

        foreach (var (hintName, source) in emitter.Sources)
        {
            output.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
        }
    }

    private sealed class ParsedFile(WitFile? file, WitDiagnostic? error)
    {
        public WitFile? File { get; } = file;

        public WitDiagnostic? Error { get; } = error;
    }
}
