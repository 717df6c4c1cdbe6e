using System.Collections.Immutable;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// Checks a component against the worlds a host serves: its imports must be a subset of what the
/// host provides — the worlds' interfaces, and the WASI interfaces the deployment allows — and its
/// exports must implement at least one world.
/// </summary>
/// <remarks>
/// Signatures are compared structurally with <see cref="ComponentFunctionSignature"/> equality
/// (parameter names and types, result type), and interface names exactly, version included: a
/// component built against <c>@1.1.0</c> is only served by a host that lists <c>@1.1.0</c>.
/// An export implements a world when every interface the world requires is exported as an
/// instance containing every required function at a matching signature; extra exports and extra
/// functions are allowed. WASI imports are not part of any world (toolchains add them): they are
/// checked by name against the <see cref="WasiPolicy"/>, and Wasmtime checks their signatures
/// when it links them.
/// </remarks>
public static class WorldConformance
{
    /// <summary>Checks a component description against a catalog.</summary>
    /// <param name="component">The component's imports and exports.</param>
    /// <param name="catalog">The worlds served.</param>
    /// <param name="wasi">The WASI interfaces allowed.</param>
    /// <returns>The matched worlds and the problems found.</returns>
    public static ConformanceResult Check(ComponentDescription component, WorldCatalog catalog, WasiPolicy wasi)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(wasi);

        var problems = ImmutableArray.CreateBuilder<ConformanceProblem>();
        foreach (var import in component.Imports)
        {
            if (WasiInterfaces.IsWasi(import.Name))
            {
                if (wasi.Check(import.Name) is { } problem)
                {
                    problems.Add(problem);
                }

                continue;
            }

            CheckImport(import, catalog, problems);
        }

        var worlds = catalog.Worlds.Where(world => world.Exports.All(required => FindExportGap(component, required) is null)).ToImmutableArray();
        if (worlds.IsEmpty)
        {
            problems.Add(new ConformanceProblem(ConformanceProblem.NoWorld, string.Empty, DescribeNoWorld(component, catalog)));
        }

        return new ConformanceResult(worlds, problems.ToImmutable());
    }

    private static void CheckImport(ComponentItem import, WorldCatalog catalog, ImmutableArray<ConformanceProblem>.Builder problems)
    {
        if (import.Kind != ComponentItemKind.Instance)
        {
            problems.Add(new ConformanceProblem(
                ConformanceProblem.UnsupportedImportKind,
                import.Name,
                $"The component imports '{import.Name}' as a {Describe(import.Kind)}; the host provides only interfaces: {ListHostInterfaces(catalog)}."));
            return;
        }

        if (catalog.FindHostInterface(import.Name) is not { } provided)
        {
            problems.Add(new ConformanceProblem(
                ConformanceProblem.UnknownImport,
                import.Name,
                $"The component imports '{import.Name}', which this host does not provide; it provides: {ListHostInterfaces(catalog)}."));
            return;
        }

        foreach (var function in import.Functions)
        {
            var subject = $"{import.Name}#{function.Name}";
            if (provided.FindFunction(function.Name) is not { } hostFunction)
            {
                var available = provided.Functions.IsEmpty ? "no functions" : string.Join(", ", provided.Functions.Select(f => f.Name));
                problems.Add(new ConformanceProblem(
                    ConformanceProblem.MissingImportFunction,
                    subject,
                    $"The component imports function '{function.Name}' from '{import.Name}', which the host's '{import.Name}' does not have (it has {available})."));
            }
            else if (hostFunction.Signature != function.Signature)
            {
                problems.Add(new ConformanceProblem(
                    ConformanceProblem.ImportSignatureMismatch,
                    subject,
                    $"The component imports '{function.Name}' from '{import.Name}' as {function.Signature}, but the host provides {hostFunction.Signature}."));
            }
        }
    }

    /// <summary>Why the component does not export <paramref name="required"/>, or <see langword="null"/> if it does.</summary>
    private static string? FindExportGap(ComponentDescription component, InterfaceDefinition required)
    {
        var export = component.FindExport(required.Name);
        if (export is null)
        {
            return $"export '{required.Name}' is missing";
        }

        if (export.Kind != ComponentItemKind.Instance)
        {
            return $"'{required.Name}' is exported as a {Describe(export.Kind)}, not an interface";
        }

        foreach (var function in required.Functions)
        {
            if (export.FindFunction(function.Name) is not { } exported)
            {
                return $"'{required.Name}' lacks function {function.Name}: {function.Signature}";
            }

            if (exported.Signature != function.Signature)
            {
                return $"'{required.Name}' exports {function.Name} as {exported.Signature}, expected {function.Signature}";
            }
        }

        return null;
    }

    private static string DescribeNoWorld(ComponentDescription component, WorldCatalog catalog)
    {
        var expectations = catalog.Worlds.Select(world =>
        {
            var gaps = world.Exports.Select(required => FindExportGap(component, required)).OfType<string>();
            return $"world '{world.Name}' expects {string.Join(" and ", world.Exports.Select(e => $"'{e.Name}'"))} ({string.Join("; ", gaps)})";
        });
        return $"The component's exports implement none of the worlds this host serves: {string.Join(". ", expectations)}.";
    }

    private static string ListHostInterfaces(WorldCatalog catalog) => string.Join(", ", catalog.HostInterfaces.Select(i => i.Name));

    private static string Describe(ComponentItemKind kind) => kind switch
    {
        ComponentItemKind.Instance => "interface",
        ComponentItemKind.Function => "function",
        ComponentItemKind.CoreFunction => "core function",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
