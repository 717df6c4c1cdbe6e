using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Sdk.Wit.Resolution;

/// <summary>
/// What <see cref="WitResolver"/> found: the packages, what every name refers to, and the errors
/// (unknown names, duplicates, cycles). Lookups answer <see langword="null"/> for names that did not resolve.
/// </summary>
public sealed class WitResolution
{
    private readonly IReadOnlyDictionary<WitNode, WitTypeDefinition> _types;
    private readonly IReadOnlyDictionary<WitUsePath, WitItem> _paths;
    private readonly IReadOnlyDictionary<WitItem, WitInterface> _owners;
    private readonly IReadOnlyDictionary<WitItem, WitPackage> _packages;
    private readonly IReadOnlyDictionary<WitNode, IReadOnlyDictionary<string, WitTypeDefinition>> _scopes;
    private readonly IReadOnlyDictionary<WitWorld, (IReadOnlyList<WitInterface> Imports, IReadOnlyList<WitInterface> Exports)> _worlds;

    internal WitResolution(
        IReadOnlyList<WitPackage> packages,
        IReadOnlyList<WitDiagnostic> diagnostics,
        IReadOnlyDictionary<WitNode, WitTypeDefinition> types,
        IReadOnlyDictionary<WitUsePath, WitItem> paths,
        IReadOnlyDictionary<WitItem, WitInterface> owners,
        IReadOnlyDictionary<WitItem, WitPackage> packagesByItem,
        IReadOnlyDictionary<WitNode, IReadOnlyDictionary<string, WitTypeDefinition>> scopes,
        IReadOnlyDictionary<WitWorld, (IReadOnlyList<WitInterface> Imports, IReadOnlyList<WitInterface> Exports)> worlds)
    {
        Packages = packages;
        Diagnostics = diagnostics;
        _types = types;
        _paths = paths;
        _owners = owners;
        _packages = packagesByItem;
        _scopes = scopes;
        _worlds = worlds;
    }

    /// <summary>The packages, each once (identical copies, such as a package under <c>deps/</c> and at its own place, are merged).</summary>
    public IReadOnlyList<WitPackage> Packages { get; }

    /// <summary>The errors found, in the order found; empty when everything resolved.</summary>
    public IReadOnlyList<WitDiagnostic> Diagnostics { get; }

    /// <summary>Whether there are no errors.</summary>
    public bool Succeeded => Diagnostics.Count == 0;

    /// <summary>The definition a type name refers to (through <c>use</c> and renames, not through aliases).</summary>
    /// <param name="reference">A named type reference.</param>
    /// <returns>The definition, or <see langword="null"/> if the name did not resolve.</returns>
    public WitTypeDefinition? ResolveType(WitNamedType reference) => reference is not null && _types.TryGetValue(reference, out var type) ? type : null;

    /// <summary>The resource a <c>borrow&lt;R&gt;</c> or <c>own&lt;R&gt;</c> handle refers to.</summary>
    /// <param name="handle">The handle type.</param>
    /// <returns>The resource, or <see langword="null"/> if it did not resolve.</returns>
    public WitResource? ResolveResource(WitHandleType handle) =>
        handle is not null && _types.TryGetValue(handle, out var type) ? Unalias(type) as WitResource : null;

    /// <summary>Follows type aliases to the definition they finally name.</summary>
    /// <param name="type">A definition, possibly an alias.</param>
    /// <returns>The first definition that is not an alias of a named type (an alias of e.g. <c>list&lt;u8&gt;</c> is returned as is).</returns>
    public WitTypeDefinition Unalias(WitTypeDefinition type)
    {
        var seen = 0;
        while (type is WitTypeAlias { Target: WitNamedType named } && ResolveType(named) is { } next && seen++ < 64)
        {
            type = next;
        }

        return type;
    }

    /// <summary>The interface a path (in a <c>use</c>, an import or an export) refers to.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The interface, or <see langword="null"/> if it did not resolve.</returns>
    public WitInterface? ResolveInterface(WitUsePath path) => path is not null && _paths.TryGetValue(path, out var item) ? item as WitInterface : null;

    /// <summary>The world an <c>include</c> path refers to.</summary>
    /// <param name="path">The path.</param>
    /// <returns>The world, or <see langword="null"/> if it did not resolve.</returns>
    public WitWorld? ResolveWorld(WitUsePath path) => path is not null && _paths.TryGetValue(path, out var item) ? item as WitWorld : null;

    /// <summary>The interface that defines a type.</summary>
    /// <param name="type">The type definition.</param>
    /// <returns>The interface (inline interfaces included), or <see langword="null"/> for a type defined in a world.</returns>
    public WitInterface? InterfaceOf(WitTypeDefinition type) => type is not null && _owners.TryGetValue(type, out var owner) ? owner : null;

    /// <summary>The package that defines an interface or world.</summary>
    /// <param name="item">A top-level interface or world, or an inline interface of a world.</param>
    /// <returns>The package.</returns>
    /// <exception cref="ArgumentException">The item is not part of this resolution.</exception>
    public WitPackage PackageOf(WitItem item) =>
        item is not null && _packages.TryGetValue(item, out var package) ? package : throw new ArgumentException($"'{item?.Name}' is not an interface or world of this resolution.", nameof(item));

    /// <summary>The name components import and export an interface by: <c>saas:extensibility/logging@1.0.0</c>.</summary>
    /// <param name="item">A top-level interface or world.</param>
    /// <returns>The qualified name.</returns>
    public string QualifiedName(WitItem item) => PackageOf(item).Name.Qualify(item.Name);

    /// <summary>The types visible by name in an interface or world: its own, and those it <c>use</c>s (under their local names).</summary>
    /// <param name="item">An interface or world.</param>
    /// <returns>The names and the definitions they refer to.</returns>
    public IReadOnlyDictionary<string, WitTypeDefinition> TypesInScope(WitItem item) =>
        item is not null && _scopes.TryGetValue(item, out var scope) ? scope : new Dictionary<string, WitTypeDefinition>();

    /// <summary>The interfaces a world imports, its includes' imports included.</summary>
    /// <param name="world">The world.</param>
    /// <returns>The interfaces, each once.</returns>
    public IReadOnlyList<WitInterface> ImportsOf(WitWorld world) => world is not null && _worlds.TryGetValue(world, out var w) ? w.Imports : [];

    /// <summary>The interfaces a world exports, its includes' exports included.</summary>
    /// <param name="world">The world.</param>
    /// <returns>The interfaces, each once.</returns>
    public IReadOnlyList<WitInterface> ExportsOf(WitWorld world) => world is not null && _worlds.TryGetValue(world, out var w) ? w.Exports : [];
}
