using System.Reflection;
using ExtensibilityHost.Sdk.Cli.Project;

namespace ExtensibilityHost.Sdk.Cli;

/// <summary>
/// A tenant project as <c>ext init</c> writes it: the template files of a language and world with
/// their placeholders filled in, plus what the project needs to build on its own — the SDK (Rust
/// crate or Go package), <c>componentize.mjs</c> and the WIT package — all embedded in <c>ext</c>
/// from their one place in the repository.
/// </summary>
internal sealed class ProjectTemplate
{
    public static readonly string[] Languages = ["rust", "go", "js"];

    public static readonly string[] Worlds = ["event-extension", "point-extension"];

    private static readonly Assembly s_assembly = typeof(ProjectTemplate).Assembly;

    private readonly string _language;
    private readonly string _world;
    private readonly Dictionary<string, string> _placeholders;

    public ProjectTemplate(string language, string world, string name)
    {
        _language = language;
        _world = world;
        Name = name;
        _placeholders = new(StringComparer.Ordinal)
        {
            ["{{name}}"] = name,
            ["{{crate}}"] = name.Replace('-', '_'),
            ["{{world}}"] = world,
            ["{{test}}"] = TestArguments(world),
        };
    }

    public string Name { get; }

    /// <summary>The <c>ext test</c> options of a sample call of the world's export.</summary>
    public static string TestArguments(string world) => world == "event-extension"
        ? """--event '{"eventType":"order.placed","payload":{"orderId":1}}'"""
        : """--point pricing.discount --input '{"amountCents":1000}'""";

    /// <summary>The component the project's build script writes.</summary>
    public string Output => Name + ".wasm";

    /// <summary>The project's <c>ext.json</c>.</summary>
    public ProjectManifest Manifest => new()
    {
        Name = Name,
        Language = _language,
        World = $"saas:extensibility/{_world}@1.0.0",
        Build = "./build.sh",
        Output = Output,
    };

    /// <summary>The files to write: path relative to the project, content, and whether it is executable.</summary>
    public IEnumerable<(string Path, byte[] Content, bool Executable)> Files()
    {
        yield return (ProjectManifest.FileName, System.Text.Encoding.UTF8.GetBytes(Manifest.ToJson()), false);
        yield return Filled("build.sh", $"templates/{_language}/build.sh", executable: true);
        yield return Filled("README.md", $"templates/{_language}/README.md");
        yield return Filled(".gitignore", "templates/common/gitignore");
        yield return Raw("wit/extensibility.wit", "wit/extensibility.wit");
        switch (_language)
        {
            case "rust":
                yield return Filled("Cargo.toml", "templates/rust/Cargo.toml");
                yield return Filled("src/lib.rs", $"templates/rust/{_world}.rs");
                yield return Filled("package.json", "templates/common/package.json");
                yield return Raw("componentize.mjs", "tools/componentize.mjs");
                foreach (var file in Tree("sdk/rust/", "sdk/saas-extensibility/"))
                {
                    yield return file;
                }

                break;
            case "go":
                yield return Filled("go.mod", "templates/go/go.mod");
                yield return Filled("main.go", $"templates/go/{_world}.go");
                yield return Filled("package.json", "templates/common/package.json");
                yield return Raw("componentize.mjs", "tools/componentize.mjs");
                foreach (var file in Tree("sdk/go/", "sdk/"))
                {
                    yield return file;
                }

                break;
            default:
                yield return Filled("package.json", "templates/js/package.json");
                yield return Filled(Name + ".js", $"templates/js/{_world}.js");
                break;
        }
    }

    private (string, byte[], bool) Filled(string path, string resource, bool executable = false)
    {
        var text = System.Text.Encoding.UTF8.GetString(Read(resource));
        foreach (var (placeholder, value) in _placeholders)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        return (path, System.Text.Encoding.UTF8.GetBytes(text), executable);
    }

    private static (string, byte[], bool) Raw(string path, string resource) => (path, Read(resource), false);

    private static IEnumerable<(string, byte[], bool)> Tree(string resourcePrefix, string pathPrefix) =>
        s_assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (pathPrefix + name[resourcePrefix.Length..], Read(name), false));

    private static byte[] Read(string resource)
    {
        using var stream = s_assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"ext was built without its template file '{resource}'.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
