using System.Collections.Immutable;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// What a compiled component imports and exports, read from Wasmtime's component type API by
/// <see cref="ComponentInspector"/>.
/// </summary>
public sealed record ComponentDescription
{
    /// <summary>The component's imports, in the order the component declares them.</summary>
    public required ImmutableArray<ComponentItem> Imports { get; init; }

    /// <summary>The component's exports, in the order the component declares them.</summary>
    public required ImmutableArray<ComponentItem> Exports { get; init; }

    /// <summary>Finds an import by its exact name.</summary>
    /// <param name="name">The import name.</param>
    /// <returns>The import, or <see langword="null"/>.</returns>
    public ComponentItem? FindImport(string name) => Find(Imports, name);

    /// <summary>Finds an export by its exact name.</summary>
    /// <param name="name">The export name.</param>
    /// <returns>The export, or <see langword="null"/>.</returns>
    public ComponentItem? FindExport(string name) => Find(Exports, name);

    private static ComponentItem? Find(ImmutableArray<ComponentItem> items, string name)
    {
        foreach (var item in items)
        {
            if (item.Name == name)
            {
                return item;
            }
        }

        return null;
    }
}
