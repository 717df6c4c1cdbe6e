using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Sdk.Wit.Resolution;

/// <summary>One run of <see cref="WitResolver"/>: the tables it fills and the diagnostics it collects.</summary>
internal sealed class WitResolverRun
{
    // Syntax nodes do not override Equals: the dictionaries below compare them by reference.
    private readonly List<WitFile> _files;
    private readonly List<WitDiagnostic> _diagnostics = [];
    private readonly List<PackageDraft> _packages = [];
    private readonly Dictionary<WitNode, WitTypeDefinition> _types = new();
    private readonly Dictionary<WitUsePath, WitItem> _paths = new();
    private readonly Dictionary<WitItem, WitInterface> _owners = new();
    private readonly Dictionary<WitItem, PackageDraft> _itemPackages = new();
    private readonly Dictionary<WitItem, FileScope> _itemFiles = new();
    private readonly Dictionary<WitInterface, Scope> _inlineParents = new();
    private readonly Dictionary<WitItem, Scope> _scopes = new();
    private readonly HashSet<WitItem> _building = new();
    private readonly Dictionary<WitWorld, (List<WitInterface> Imports, List<WitInterface> Exports)> _effective = new();
    private readonly HashSet<WitWorld> _including = new();

    public WitResolverRun(List<WitFile> files) => _files = files;

    public WitResolution Run()
    {
        CollectPackages();
        foreach (var package in _packages)
        {
            foreach (var item in package.Interfaces)
            {
                ResolveInterface(item);
            }

            foreach (var world in package.Worlds)
            {
                ResolveWorld(world);
            }
        }

        CheckTypeCycles();
        foreach (var package in _packages)
        {
            foreach (var world in package.Worlds)
            {
                Effective(world);
            }
        }

        var packages = _packages.ToDictionary(p => p, p => p.Build());
        return new WitResolution(
            [.. packages.Values],
            _diagnostics,
            _types,
            _paths,
            _owners,
            _itemPackages.ToDictionary(p => p.Key, p => packages[p.Value]),
            _scopes.ToDictionary(s => (WitNode)s.Key, s => (IReadOnlyDictionary<string, WitTypeDefinition>)s.Value.Types),
            _effective.ToDictionary(w => w.Key, w => ((IReadOnlyList<WitInterface>)w.Value.Imports, (IReadOnlyList<WitInterface>)w.Value.Exports)));
    }

    private void CollectPackages()
    {
        var drafts = new List<PackageDraft>();
        foreach (var group in _files.GroupBy(f => System.IO.Path.GetDirectoryName(f.Path) ?? string.Empty, StringComparer.Ordinal))
        {
            var files = group.ToList();
            var declaring = files.Where(f => f.PackageName is not null).ToList();
            var hasItems = files.Any(f => f.Interfaces.Count + f.Worlds.Count + f.Uses.Count > 0);
            if (declaring.Count == 0)
            {
                if (hasItems)
                {
                    var file = files.First(f => f.Interfaces.Count + f.Worlds.Count + f.Uses.Count > 0);
                    Report(FirstItemLocation(file), $"no package declaration: add 'package namespace:name;' at the top of {System.IO.Path.GetFileName(file.Path)} or of another .wit file in its directory");
                }
            }
            else
            {
                var first = declaring[0];
                foreach (var other in declaring.Skip(1).Where(f => !f.PackageName!.Equals(first.PackageName)))
                {
                    Report(other.PackageLocation!, $"package '{other.PackageName}' differs from '{first.PackageName}' declared in {System.IO.Path.GetFileName(first.Path)}; all files of a directory belong to one package");
                }

                var draft = new PackageDraft(first.PackageName!, declaring.Select(f => f.PackageDocs).FirstOrDefault(d => d is not null), first.PackageLocation!, string.Join("\0", files.Select(f => f.SourceText).OrderBy(t => t, StringComparer.Ordinal)));
                foreach (var file in files)
                {
                    draft.Add(file.Path, file.Uses, file.Interfaces, file.Worlds);
                }

                drafts.Add(draft);
            }

            foreach (var nested in files.SelectMany(f => f.NestedPackages.Select(n => (File: f, Package: n))))
            {
                var draft = new PackageDraft(nested.Package.Name, nested.Package.Docs, nested.Package.Location, nested.Package.SourceText);
                draft.Add(nested.File.Path, nested.Package.Uses, nested.Package.Interfaces, nested.Package.Worlds);
                drafts.Add(draft);
            }
        }

        foreach (var draft in drafts)
        {
            var existing = _packages.FirstOrDefault(p => p.Name.Equals(draft.Name));
            if (existing is null)
            {
                _packages.Add(draft);
                Register(draft);
            }
            else if (!string.Equals(existing.Fingerprint, draft.Fingerprint, StringComparison.Ordinal))
            {
                Report(draft.Location, $"package '{draft.Name}' is defined again with different contents (first at {existing.Location})");
            }
        }
    }

    private static WitLocation FirstItemLocation(WitFile file) =>
        file.Uses.Select(u => u.Location).Concat(file.Interfaces.Select(i => i.Location)).Concat(file.Worlds.Select(w => w.Location)).OrderBy(l => l.Offset).First();

    private void Register(PackageDraft package)
    {
        var items = new Dictionary<string, WitItem>(StringComparer.Ordinal);
        foreach (var part in package.Parts)
        {
            foreach (var item in part.Interfaces.Cast<WitItem>().Concat(part.Worlds))
            {
                _itemPackages[item] = package;
                _itemFiles[item] = part.Scope;
                if (items.TryGetValue(item.Name, out var first))
                {
                    Report(item.Location, $"'{item.Name}' is already defined in package '{package.Name}' (at {first.Location})");
                    continue;
                }

                items[item.Name] = item;
            }
        }

        package.Items = items;
        foreach (var part in package.Parts)
        {
            foreach (var use in part.Scope.Uses)
            {
                if (part.Scope.Names.TryGetValue(use.LocalName, out var first))
                {
                    Report(use.Location, $"'{use.LocalName}' is already used in this file (at {first.Location})");
                }
                else if (items.TryGetValue(use.LocalName, out var item))
                {
                    Report(use.Location, $"'use ... as {use.LocalName}' conflicts with {KindOf(item)} '{item.Name}' of this package (at {item.Location})");
                }
                else
                {
                    part.Scope.Names[use.LocalName] = use;
                }
            }
        }
    }

    private WitItem? ResolvePath(WitUsePath path, FileScope file, bool world)
    {
        if (_paths.TryGetValue(path, out var known))
        {
            return known;
        }

        var kind = world ? "world" : "interface";
        WitItem? found = null;
        if (path.Package is null)
        {
            if (file.Names.TryGetValue(path.Name, out var use))
            {
                found = use.Path.Package is null ? Lookup(file.Package, use.Path.Name, use.Path, kind) : ResolveQualified(use.Path, kind);
            }
            else
            {
                found = Lookup(file.Package, path.Name, path, kind);
            }
        }
        else
        {
            found = ResolveQualified(path, kind);
        }

        if (found is not null && (found is WitWorld) != world)
        {
            Report(path.Location, $"'{path}' is {KindOf(found)}, not {(world ? "a world" : "an interface")}");
            found = null;
        }

        if (found is not null)
        {
            _paths[path] = found;
        }

        return found;
    }

    private WitItem? Lookup(PackageDraft package, string name, WitUsePath path, string kind)
    {
        if (package.Items.TryGetValue(name, out var item))
        {
            return item;
        }

        Report(path.Location, $"unknown {kind} '{name}' in package '{package.Name}'");
        return null;
    }

    private WitItem? ResolveQualified(WitUsePath path, string kind)
    {
        var wanted = path.Package!;
        var candidates = _packages.Where(p => p.Name.Namespace == wanted.Namespace && p.Name.Name == wanted.Name).ToList();
        if (wanted.Version is not null)
        {
            candidates = [.. candidates.Where(p => wanted.Version.Equals(p.Name.Version))];
        }

        if (candidates.Count == 0)
        {
            var versions = _packages.Where(p => p.Name.Namespace == wanted.Namespace && p.Name.Name == wanted.Name).Select(p => p.Name.ToString()).ToList();
            Report(path.Location, versions.Count > 0
                ? $"unknown package '{wanted}'; found {string.Join(", ", versions)}"
                : $"unknown package '{wanted}'; add its .wit files (e.g. under deps/)");
            return null;
        }

        if (candidates.Count > 1)
        {
            Report(path.Location, $"package '{wanted}' is ambiguous: {string.Join(", ", candidates.Select(c => c.Name))}; add a version");
            return null;
        }

        return Lookup(candidates[0], path.Name, path, kind);
    }

    private Scope ResolveInterface(WitInterface item)
    {
        if (_scopes.TryGetValue(item, out var done))
        {
            return done;
        }

        var scope = new Scope(item.Name, _inlineParents.TryGetValue(item, out var parent) ? parent : null);
        _scopes[item] = scope;
        _building.Add(item);
        var file = _itemFiles[item];
        foreach (var use in item.Uses)
        {
            ResolveUse(use, file, scope, item);
        }

        foreach (var type in item.Types)
        {
            _owners[type] = item;
            Define(scope, type.Name, type, "interface", item.Name);
        }

        foreach (var function in item.Functions)
        {
            Define(scope, function.Name, function, "interface", item.Name);
        }

        _building.Remove(item);
        foreach (var type in item.Types)
        {
            ResolveDefinition(type, scope);
        }

        foreach (var function in item.Functions)
        {
            ResolveFunction(function, scope);
        }

        return scope;
    }

    private void ResolveUse(WitUse use, FileScope file, Scope scope, WitItem user)
    {
        if (ResolvePath(use.Path, file, world: false) is not WitInterface target)
        {
            return;
        }

        if (_building.Contains(target))
        {
            Report(use.Path.Location, ReferenceEquals(target, user)
                ? $"interface '{target.Name}' cannot use its own types"
                : $"cycle in 'use': interface '{target.Name}' uses, directly or not, '{user.Name}'");
            return;
        }

        var targetScope = ResolveInterface(target);
        foreach (var name in use.Names)
        {
            if (targetScope.Types.TryGetValue(name.Name, out var type))
            {
                Define(scope, name.LocalName, type, user is WitWorld ? "world" : "interface", user.Name, name.Location);
            }
            else
            {
                Report(name.Location, targetScope.Members.ContainsKey(name.Name)
                    ? $"'{name.Name}' in interface '{target.Name}' is a function; only types can be used"
                    : $"interface '{target.Name}' has no type '{name.Name}'");
            }
        }
    }

    private void ResolveWorld(WitWorld world)
    {
        var scope = new Scope(world.Name, null);
        _scopes[world] = scope;
        var file = _itemFiles[world];
        foreach (var use in world.Uses)
        {
            ResolveUse(use, file, scope, world);
        }

        foreach (var type in world.Types)
        {
            Define(scope, type.Name, type, "world", world.Name);
        }

        foreach (var type in world.Types)
        {
            ResolveDefinition(type, scope);
        }

        foreach (var (externs, direction) in new[] { (world.Imports, "import"), (world.Exports, "export") })
        {
            var names = new Dictionary<string, WitWorldExtern>(StringComparer.Ordinal);
            foreach (var item in externs)
            {
                var key = item.Name;
                if (item.Path is not null && ResolvePath(item.Path, file, world: false) is WitInterface target && item.Path.Location == item.Location)
                {
                    key = QualifiedName(target);
                }

                if (names.TryGetValue(key, out var first))
                {
                    Report(item.Location, $"{direction} '{key}' is listed twice in world '{world.Name}' (first at {first.Location})");
                }
                else
                {
                    names[key] = item;
                }

                if (item.Function is not null)
                {
                    ResolveFunction(item.Function, scope);
                }

                if (item.Interface is not null)
                {
                    _inlineParents[item.Interface] = scope;
                    _itemFiles[item.Interface] = file;
                    _itemPackages[item.Interface] = _itemPackages[world];
                    ResolveInterface(item.Interface);
                }
            }
        }

        foreach (var include in world.Includes)
        {
            ResolvePath(include.World, file, world: true);
        }
    }

    private (List<WitInterface> Imports, List<WitInterface> Exports) Effective(WitWorld world)
    {
        if (_effective.TryGetValue(world, out var done))
        {
            return done;
        }

        var imports = new List<WitInterface>();
        var exports = new List<WitInterface>();
        _including.Add(world);
        foreach (var (externs, into) in new[] { (world.Imports, imports), (world.Exports, exports) })
        {
            foreach (var item in externs)
            {
                var target = item.Interface ?? (item.Path is null ? null : _paths.TryGetValue(item.Path, out var found) ? found as WitInterface : null);
                AddOnce(into, target);
            }
        }

        foreach (var include in world.Includes)
        {
            if (!_paths.TryGetValue(include.World, out var found) || found is not WitWorld included)
            {
                continue;
            }

            if (_including.Contains(included))
            {
                Report(include.World.Location, $"cycle in 'include': world '{included.Name}' includes, directly or not, '{world.Name}'");
                continue;
            }

            var (moreImports, moreExports) = Effective(included);
            moreImports.ForEach(i => AddOnce(imports, i));
            moreExports.ForEach(e => AddOnce(exports, e));
        }

        _including.Remove(world);
        var result = (imports, exports);
        _effective[world] = result;
        return result;
    }

    private static void AddOnce(List<WitInterface> list, WitInterface? item)
    {
        if (item is not null && !list.Contains(item))
        {
            list.Add(item);
        }
    }

    private void Define(Scope scope, string name, WitItem item, string kind, string owner, WitLocation? at = null)
    {
        if (scope.Members.TryGetValue(name, out var first))
        {
            Report(at ?? item.Location, $"'{name}' is already defined in {kind} '{owner}' (at {first})");
            return;
        }

        scope.Members[name] = (at ?? item.Location).ToString();
        if (item is WitTypeDefinition type)
        {
            scope.Types[name] = type;
        }
    }

    private void ResolveDefinition(WitTypeDefinition type, Scope scope)
    {
        switch (type)
        {
            case WitRecord record:
                CheckUnique(record.Fields, "field", $"record '{record.Name}'");
                record.Fields.ToList().ForEach(f => ResolveType(f.Type, scope));
                break;
            case WitVariant variant:
                CheckUnique(variant.Cases, "case", $"variant '{variant.Name}'");
                variant.Cases.Where(c => c.Payload is not null).ToList().ForEach(c => ResolveType(c.Payload!, scope));
                break;
            case WitEnum @enum:
                CheckUnique(@enum.Cases, "case", $"enum '{@enum.Name}'");
                break;
            case WitFlags flags:
                CheckUnique(flags.Flags, "flag", $"flags '{flags.Name}'");
                break;
            case WitTypeAlias alias:
                ResolveType(alias.Target, scope);
                break;
            case WitResource resource:
                CheckUnique(resource.Functions, "function", $"resource '{resource.Name}'");
                resource.Functions.ToList().ForEach(f => ResolveFunction(f, scope));
                break;
        }
    }

    private void ResolveFunction(WitFunction function, Scope scope)
    {
        var names = new Dictionary<string, WitParameter>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in function.Parameters)
        {
            if (names.TryGetValue(parameter.Name, out var first))
            {
                Report(parameter.Location, $"parameter '{parameter.Name}' of '{function.Name}' is already defined (at {first.Location})");
            }
            else
            {
                names[parameter.Name] = parameter;
            }

            ResolveType(parameter.Type, scope);
        }

        if (function.Result is not null)
        {
            ResolveType(function.Result, scope);
        }
    }

    private void CheckUnique<T>(IEnumerable<T> items, string what, string owner)
        where T : WitItem
    {
        var seen = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (seen.TryGetValue(item.Name, out var first))
            {
                Report(item.Location, $"{what} '{item.Name}' is already defined in {owner} (at {first.Location})");
            }
            else
            {
                seen[item.Name] = item;
            }
        }
    }

    private void ResolveType(WitTypeRef type, Scope scope)
    {
        switch (type)
        {
            case WitNamedType named:
                if (scope.Find(named.Name) is { } definition)
                {
                    _types[named] = definition;
                }
                else
                {
                    Report(named.Location, scope.HasMember(named.Name)
                        ? $"'{named.Name}' is a function, not a type"
                        : $"unknown type '{named.Name}' in {scope.Name}");
                }

                break;
            case WitHandleType handle:
                if (scope.Find(handle.Resource) is not { } target)
                {
                    Report(handle.Location, $"unknown resource '{handle.Resource}' in {scope.Name}");
                }
                else
                {
                    _types[handle] = target;
                    if (target is not (WitResource or WitTypeAlias))
                    {
                        Report(handle.Location, $"'{handle.Resource}' is not a resource; only resources can be {(handle.IsBorrow ? "borrowed" : "owned")}");
                    }
                }

                break;
            case WitListType list:
                ResolveType(list.Element, scope);
                break;
            case WitOptionType option:
                ResolveType(option.Inner, scope);
                break;
            case WitResultType result:
                if (result.Ok is not null)
                {
                    ResolveType(result.Ok, scope);
                }

                if (result.Err is not null)
                {
                    ResolveType(result.Err, scope);
                }

                break;
            case WitTupleType tuple:
                tuple.Elements.ToList().ForEach(e => ResolveType(e, scope));
                break;
            case WitMapType map:
                ResolveType(map.Key, scope);
                ResolveType(map.Value, scope);
                break;
            case WitFutureType { Payload: { } payload }:
                ResolveType(payload, scope);
                break;
            case WitStreamType { Payload: { } payload }:
                ResolveType(payload, scope);
                break;
        }
    }

    /// <summary>A type may not contain itself, directly or through other types (only resource handles may refer back).</summary>
    private void CheckTypeCycles()
    {
        var state = new Dictionary<WitTypeDefinition, bool>();
        var stack = new List<WitTypeDefinition>();
        foreach (var type in _packages.SelectMany(p => p.Interfaces).SelectMany(i => i.Types)
            .Concat(_packages.SelectMany(p => p.Worlds).SelectMany(w => w.Types)))
        {
            Visit(type, state, stack);
        }
    }

    private void Visit(WitTypeDefinition type, Dictionary<WitTypeDefinition, bool> done, List<WitTypeDefinition> stack)
    {
        if (done.ContainsKey(type))
        {
            return;
        }

        var index = stack.IndexOf(type);
        if (index >= 0)
        {
            var cycle = stack.Skip(index).Select(t => $"'{t.Name}'").ToList();
            Report(type.Location, cycle.Count == 1
                ? $"type '{type.Name}' contains itself; WIT types cannot be recursive"
                : $"types {string.Join(" -> ", cycle)} -> '{type.Name}' contain each other; WIT types cannot be recursive");
            return;
        }

        stack.Add(type);
        foreach (var reference in Contained(type))
        {
            if (_types.TryGetValue(reference, out var target) && target is not WitResource)
            {
                Visit(target, done, stack);
            }
        }

        stack.RemoveAt(stack.Count - 1);
        done[type] = true;
    }

    private static IEnumerable<WitNamedType> Contained(WitTypeDefinition type) => type switch
    {
        WitRecord record => record.Fields.SelectMany(f => Named(f.Type)),
        WitVariant variant => variant.Cases.Where(c => c.Payload is not null).SelectMany(c => Named(c.Payload!)),
        WitTypeAlias alias => Named(alias.Target),
        _ => [],
    };

    private static IEnumerable<WitNamedType> Named(WitTypeRef type) => type switch
    {
        WitNamedType named => [named],
        WitListType list => Named(list.Element),
        WitOptionType option => Named(option.Inner),
        WitResultType result => (result.Ok is null ? [] : Named(result.Ok)).Concat(result.Err is null ? [] : Named(result.Err)),
        WitTupleType tuple => tuple.Elements.SelectMany(Named),
        WitMapType map => Named(map.Key).Concat(Named(map.Value)),
        _ => [],
    };

    private string QualifiedName(WitItem item) => _itemPackages[item].Name.Qualify(item.Name);

    private static string KindOf(WitItem item) => item is WitWorld ? "world" : "interface";

    private void Report(WitLocation location, string message) => _diagnostics.Add(new WitDiagnostic(location, message));

    /// <summary>The names of one interface or world.</summary>
    private sealed class Scope(string name, Scope? parent)
    {
        public string Name { get; } = parent is null ? $"'{name}'" : $"'{name}' of {parent.Name}";

        public Dictionary<string, WitTypeDefinition> Types { get; } = new(StringComparer.Ordinal);

        /// <summary>Every name defined (types, used types, functions) and where.</summary>
        public Dictionary<string, string> Members { get; } = new(StringComparer.Ordinal);

        public WitTypeDefinition? Find(string name) => Types.TryGetValue(name, out var type) ? type : parent?.Find(name);

        public bool HasMember(string name) => Members.ContainsKey(name) || (parent?.HasMember(name) ?? false);
    }

    /// <summary>The names a file (or a nested package block) defines with top-level <c>use</c>.</summary>
    private sealed class FileScope(PackageDraft package, IReadOnlyList<WitTopLevelUse> uses)
    {
        public PackageDraft Package { get; } = package;

        public IReadOnlyList<WitTopLevelUse> Uses { get; } = uses;

        public Dictionary<string, WitTopLevelUse> Names { get; } = new(StringComparer.Ordinal);
    }

    private sealed class PackagePart(FileScope scope, string path, IReadOnlyList<WitInterface> interfaces, IReadOnlyList<WitWorld> worlds)
    {
        public FileScope Scope { get; } = scope;

        public string Path { get; } = path;

        public IReadOnlyList<WitInterface> Interfaces { get; } = interfaces;

        public IReadOnlyList<WitWorld> Worlds { get; } = worlds;
    }

    private sealed class PackageDraft(WitPackageName name, string? docs, WitLocation location, string fingerprint)
    {
        public WitPackageName Name { get; } = name;

        public string? Docs { get; } = docs;

        public WitLocation Location { get; } = location;

        /// <summary>The package's texts, to tell an identical copy (a symlinked <c>deps/</c> entry) from a conflicting definition.</summary>
        public string Fingerprint { get; } = fingerprint;

        public List<PackagePart> Parts { get; } = [];

        public Dictionary<string, WitItem> Items { get; set; } = new(StringComparer.Ordinal);

        public IEnumerable<WitInterface> Interfaces => Parts.SelectMany(p => p.Interfaces);

        public IEnumerable<WitWorld> Worlds => Parts.SelectMany(p => p.Worlds);

        public void Add(string path, IReadOnlyList<WitTopLevelUse> uses, IReadOnlyList<WitInterface> interfaces, IReadOnlyList<WitWorld> worlds) =>
            Parts.Add(new PackagePart(new FileScope(this, uses), path, interfaces, worlds));

        public WitPackage Build() => new(Name, Docs, Location, [.. Parts.Select(p => p.Path).Distinct()], [.. Interfaces], [.. Worlds]);
    }
}
