namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>One parsed <c>.wit</c> file.</summary>
public sealed class WitFile
{
    /// <summary>Creates the node.</summary>
    /// <param name="path">The file path, as the caller named it.</param>
    /// <param name="sourceText">The file's text.</param>
    /// <param name="packageName">The name in the file's leading <c>package ...;</c> declaration, if it has one.</param>
    /// <param name="packageLocation">Where that declaration is.</param>
    /// <param name="packageDocs">The doc comment before that declaration, if any.</param>
    /// <param name="uses">The top-level <c>use</c> items outside nested packages.</param>
    /// <param name="interfaces">The interfaces outside nested packages.</param>
    /// <param name="worlds">The worlds outside nested packages.</param>
    /// <param name="nestedPackages">Packages defined inline with <c>package ... { ... }</c>.</param>
    public WitFile(string path, string sourceText, WitPackageName? packageName, WitLocation? packageLocation, string? packageDocs, IReadOnlyList<WitTopLevelUse> uses, IReadOnlyList<WitInterface> interfaces, IReadOnlyList<WitWorld> worlds, IReadOnlyList<WitNestedPackage> nestedPackages)
    {
        Path = path;
        SourceText = sourceText;
        PackageName = packageName;
        PackageLocation = packageLocation;
        PackageDocs = packageDocs;
        Uses = uses;
        Interfaces = interfaces;
        Worlds = worlds;
        NestedPackages = nestedPackages;
    }

    /// <summary>The file path, as the caller named it.</summary>
    public string Path { get; }

    /// <summary>The file's text.</summary>
    public string SourceText { get; }

    /// <summary>The name in the file's leading <c>package ...;</c> declaration, if it has one.</summary>
    public WitPackageName? PackageName { get; }

    /// <summary>Where that declaration is.</summary>
    public WitLocation? PackageLocation { get; }

    /// <summary>The doc comment before that declaration, if any.</summary>
    public string? PackageDocs { get; }

    /// <summary>The top-level <c>use</c> items outside nested packages.</summary>
    public IReadOnlyList<WitTopLevelUse> Uses { get; }

    /// <summary>The interfaces outside nested packages.</summary>
    public IReadOnlyList<WitInterface> Interfaces { get; }

    /// <summary>The worlds outside nested packages.</summary>
    public IReadOnlyList<WitWorld> Worlds { get; }

    /// <summary>Packages defined inline with <c>package ... { ... }</c>.</summary>
    public IReadOnlyList<WitNestedPackage> NestedPackages { get; }
}
