using System.Collections.Immutable;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// The worlds this host serves. The host provides the union of their imports to every component,
/// and a component must implement at least one of them; see <see cref="WorldConformance"/>.
/// </summary>
/// <remarks>
/// The application registers its own domain worlds next to the platform's, e.g.
/// <c>new WorldCatalog([.. WorldCatalog.Default.Worlds, myDomainWorld])</c>.
/// </remarks>
public sealed class WorldCatalog
{
    private readonly Dictionary<string, InterfaceDefinition> hostInterfaces = new(StringComparer.Ordinal);

    /// <summary>Creates a catalog.</summary>
    /// <param name="worlds">The worlds served.</param>
    /// <exception cref="ArgumentException">
    /// Two worlds import an interface of the same name with different functions or signatures.
    /// </exception>
    public WorldCatalog(IEnumerable<WorldDefinition> worlds)
    {
        ArgumentNullException.ThrowIfNull(worlds);
        Worlds = [.. worlds];
        foreach (var world in Worlds)
        {
            foreach (var import in world.Imports)
            {
                if (!hostInterfaces.TryAdd(import.Name, import)
                    && !StructuralEquality.SequenceEqual(hostInterfaces[import.Name].Functions, import.Functions))
                {
                    throw new ArgumentException(
                        $"World '{world.Name}' defines host interface '{import.Name}' differently from another world.", nameof(worlds));
                }
            }
        }

        HostInterfaces = [.. hostInterfaces.Values.OrderBy(i => i.Name, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The platform's worlds, <c>saas:extensibility/event-extension</c> and
    /// <c>saas:extensibility/point-extension</c>, each at 1.0.0 and 1.1.0. Domain worlds (such as the example
    /// <c>acme:shop</c> package in <c>wit/examples</c>) are the application's to add.
    /// </summary>
    public static WorldCatalog Default { get; } = new([
        SaasExtensibilityWorlds.EventExtension,
        SaasExtensibilityWorlds.PointExtension,
        SaasExtensibilityWorlds.V1_1.EventExtension,
        SaasExtensibilityWorlds.V1_1.PointExtension,
    ]);

    /// <summary>The worlds served, in registration order.</summary>
    public ImmutableArray<WorldDefinition> Worlds { get; }

    /// <summary>Every interface the host provides to components, ordered by name.</summary>
    public ImmutableArray<InterfaceDefinition> HostInterfaces { get; }

    /// <summary>Finds an interface the host provides.</summary>
    /// <param name="name">The fully qualified interface name.</param>
    /// <returns>The interface, or <see langword="null"/> if the host does not provide it.</returns>
    public InterfaceDefinition? FindHostInterface(string name) => hostInterfaces.GetValueOrDefault(name);
}
