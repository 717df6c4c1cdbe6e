using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Sdk.Wit.Resolution;

/// <summary>A resolved package: its name and every interface and world of all its files.</summary>
public sealed class WitPackage
{
    /// <summary>Creates a package.</summary>
    /// <param name="name">The package name.</param>
    /// <param name="docs">The doc comment of its <c>package</c> declaration, if any.</param>
    /// <param name="location">Where the package is declared.</param>
    /// <param name="filePaths">The files it was read from (one for a nested package).</param>
    /// <param name="interfaces">Its interfaces, in file order.</param>
    /// <param name="worlds">Its worlds, in file order.</param>
    public WitPackage(
        WitPackageName name, string? docs, WitLocation location, IReadOnlyList<string> filePaths, IReadOnlyList<WitInterface> interfaces, IReadOnlyList<WitWorld> worlds)
    {
        Name = name;
        Docs = docs;
        Location = location;
        FilePaths = filePaths;
        Interfaces = interfaces;
        Worlds = worlds;
    }

    /// <summary>The package name.</summary>
    public WitPackageName Name { get; }

    /// <summary>The doc comment of its <c>package</c> declaration, if any.</summary>
    public string? Docs { get; }

    /// <summary>Where the package is declared.</summary>
    public WitLocation Location { get; }

    /// <summary>The files it was read from (one for a nested package).</summary>
    public IReadOnlyList<string> FilePaths { get; }

    /// <summary>Its interfaces, in file order.</summary>
    public IReadOnlyList<WitInterface> Interfaces { get; }

    /// <summary>Its worlds, in file order.</summary>
    public IReadOnlyList<WitWorld> Worlds { get; }

    /// <inheritdoc/>
    public override string ToString() => Name.ToString();
}
