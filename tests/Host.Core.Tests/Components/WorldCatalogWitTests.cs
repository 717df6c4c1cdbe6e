using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Tests.Runtime;

namespace ExtensibilityHost.Core.Tests.Components;

/// <summary>
/// The catalog's signatures are written once in C#; these tests fail when the .wit files in
/// <c>wit/</c> and the catalog drift apart (interface, function or parameter names, world items,
/// and the parameter and result types, as compiled into the guests built from those files):
/// the platform's worlds and the example domain world the tests register.
/// </summary>
[Collection(BuiltGuestsCollection.Name)]
public sealed class WorldCatalogWitTests(BuiltGuestsFixture guests)
{
    private static readonly Lazy<Dictionary<string, WitText>> Packages = new(LoadPackages);

    /// <summary>
    /// Every guest tests/guests/build.sh builds by a standard toolchain from the .wit files in <c>wit/</c>:
    /// their imports and exports are those files' interfaces with every type spelled out.
    /// </summary>
    private static readonly string[] GuestsBuiltFromWit =
    [
        "go-event-handler.wasm", "go-point.wasm", "js-event-handler.wasm", "js-pricing.wasm",
        "rust-event-handler.wasm", "rust-std-event-handler.wasm", "rust-std-point.wasm",
        "go-event-handler-1.1.wasm", "go-point-1.1.wasm", "rust-std-event-handler-1.1.wasm",
    ];

    public static TheoryData<string> CatalogInterfaces() =>
        [.. AcmeShopWorlds.Catalog.Worlds.SelectMany(w => w.Imports.Concat(w.Exports)).Select(i => i.Name).Distinct()];

    public static TheoryData<string> CatalogWorlds() => [.. AcmeShopWorlds.Catalog.Worlds.Select(w => w.Name)];

    [Theory]
    [MemberData(nameof(CatalogInterfaces))]
    public void CatalogInterface_FunctionNames_MatchWit(string name)
    {
        var wit = FindInterface(name);

        var catalog = FindCatalogInterface(name);

        Assert.Equal(wit.Functions.Keys.Order(StringComparer.Ordinal), catalog.Functions.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CatalogInterfaces))]
    public void CatalogInterface_ParameterNamesAndResults_MatchWit(string name)
    {
        var wit = FindInterface(name);

        foreach (var function in FindCatalogInterface(name).Functions)
        {
            var witFunction = wit.Functions[function.Name];
            Assert.Equal(witFunction.ParameterNames, function.Signature.Parameters.Select(p => p.Name));
            Assert.Equal(witFunction.HasResult, function.Signature.Result is not null);
        }
    }

    [Theory]
    [MemberData(nameof(CatalogInterfaces))]
    public async Task CatalogInterface_FunctionSignatures_MatchTheGuestsBuiltFromWit(string name)
    {
        var catalog = FindCatalogInterface(name);

        var built = new List<(string Guest, WitFunction Function)>();
        foreach (var guest in GuestsBuiltFromWit)
        {
            var description = guests.Engine.Inspect(await guests.LoadAsync(guest));
            built.AddRange(description.Imports.Concat(description.Exports)
                .Where(item => item.Name == name)
                .SelectMany(item => item.Functions, (_, function) => (guest, function)));
        }

        // A toolchain may leave out the imported functions its guest never calls; each one it keeps,
        // and each export, must have the catalog's parameter names and types and its result type.
        Assert.All(built, b =>
        {
            var expected = catalog.FindFunction(b.Function.Name)?.Signature;
            Assert.True(
                Equals(expected, b.Function.Signature),
                $"{b.Guest}: {name}#{b.Function.Name} is {b.Function.Signature}; the catalog has {expected?.ToString() ?? "no such function"}");
        });
        Assert.All(catalog.Functions, f => Assert.True(
            built.Any(b => b.Function.Name == f.Name),
            $"No guest built from wit/ imports or exports {name}#{f.Name}, so its types go unchecked: use it in one of tests/guests."));
    }

    [Theory]
    [MemberData(nameof(CatalogWorlds))]
    public void CatalogWorld_Exports_MatchWit(string name)
    {
        var wit = FindWorld(name);

        var world = AcmeShopWorlds.Catalog.Worlds.Single(w => w.Name == name);

        Assert.Equal(wit.Exports.Order(StringComparer.Ordinal), world.Exports.Select(e => e.Name).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CatalogWorlds))]
    public void CatalogWorld_Imports_AreWitImportsPlusInterfacesUsedByExports(string name)
    {
        var wit = FindWorld(name);
        var implicitImports = wit.Exports.SelectMany(e => FindInterface(e).Uses).Except(wit.Exports);

        var world = AcmeShopWorlds.Catalog.Worlds.Single(w => w.Name == name);

        Assert.Equal(
            wit.Imports.Concat(implicitImports).Distinct().Order(StringComparer.Ordinal),
            world.Imports.Select(i => i.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WitPackages_AreFound()
    {
        Assert.Equal(["acme:shop@1.0.0", "saas:extensibility@1.0.0", "saas:extensibility@1.1.0"], Packages.Value.Keys.Order(StringComparer.Ordinal));
    }

    private static InterfaceDefinition FindCatalogInterface(string name) =>
        AcmeShopWorlds.Catalog.Worlds.SelectMany(w => w.Imports.Concat(w.Exports)).First(i => i.Name == name);

    private static WitTextInterface FindInterface(string qualifiedName)
    {
        var package = Packages.Value.Values.FirstOrDefault(p => p.Interfaces.ContainsKey(qualifiedName));
        Assert.True(package is not null, $"No .wit file in wit/ declares interface {qualifiedName}.");
        return package.Interfaces[qualifiedName];
    }

    private static WitTextWorld FindWorld(string qualifiedName)
    {
        var package = Packages.Value.Values.FirstOrDefault(p => p.Worlds.ContainsKey(qualifiedName));
        Assert.True(package is not null, $"No .wit file in wit/ declares world {qualifiedName}.");
        return package.Worlds[qualifiedName];
    }

    /// <summary>Every .wit file under the repository's wit/ folder, by package; deps/ symlinks are skipped.</summary>
    private static Dictionary<string, WitText> LoadPackages()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "wit", "saas-extensibility")))
        {
            directory = directory.Parent;
        }

        Assert.True(directory is not null, "The repository's wit/ folder was not found above the test assembly.");
        var witRoot = Path.Combine(directory.FullName, "wit");
        return Directory.EnumerateFiles(witRoot, "*.wit", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(witRoot, path).Split(Path.DirectorySeparatorChar).Contains("deps"))
            .Select(path => WitText.Parse(File.ReadAllText(path)))
            .ToDictionary(p => p.Package, StringComparer.Ordinal);
    }
}
