using ExtensibilityHost.Sdk.Wit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ExtensibilityHost.Sdk.WitGenerator;

/// <summary>The diagnostics the generator reports, located in the <c>.wit</c> files.</summary>
internal static class WitGeneratorDiagnostics
{
    private const string Category = "WitBindings";

    public static readonly DiagnosticDescriptor SyntaxError = new(
        "WIT001", "WIT syntax error", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ResolutionError = new(
        "WIT002", "WIT name resolution error", "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor Unsupported = new(
        "WIT003", "WIT item not supported by the C# bindings", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameCollision = new(
        "WIT004", "WIT names collide in C#", "{0}", Category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    public static Diagnostic Create(DiagnosticDescriptor descriptor, WitLocation location, string message)
    {
        var start = new LinePosition(location.Line - 1, location.Column - 1);
        var end = new LinePosition(location.Line - 1, location.Column - 1 + location.Length);
        return Diagnostic.Create(
            descriptor, Location.Create(location.FilePath, new TextSpan(location.Offset, location.Length), new LinePositionSpan(start, end)), message);
    }
}
