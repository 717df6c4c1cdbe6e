using System.Collections.Immutable;

namespace ExtensibilityHost.Core.Components;

/// <summary>One import or export of a component.</summary>
public sealed record ComponentItem
{
    /// <summary>The import or export name, e.g. <c>saas:extensibility/logging@1.0.0</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What the item is.</summary>
    public required ComponentItemKind Kind { get; init; }

    /// <summary>For <see cref="ComponentItemKind.Instance"/>: the functions it exports, in order; empty otherwise.</summary>
    public ImmutableArray<WitFunction> Functions { get; init; } = [];

    /// <summary>For <see cref="ComponentItemKind.Function"/>: its signature; <see langword="null"/> otherwise.</summary>
    public ComponentFunctionSignature? Signature { get; init; }

    /// <summary>For <see cref="ComponentItemKind.Type"/>: the type; <see langword="null"/> otherwise.</summary>
    public WitType? Type { get; init; }

    /// <summary>Finds a function of this instance by name.</summary>
    /// <param name="name">The function name.</param>
    /// <returns>The function, or <see langword="null"/> if this item has no such function.</returns>
    public WitFunction? FindFunction(string name)
    {
        foreach (var function in Functions)
        {
            if (function.Name == name)
            {
                return function;
            }
        }

        return null;
    }
}
