using System.Collections.Immutable;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// A WIT interface as the host knows it: its fully qualified name and its functions with their
/// signatures. Type-only interfaces (such as <c>saas:extensibility/types@1.0.0</c>) have no functions.
/// </summary>
/// <param name="Name">The fully qualified name, e.g. <c>saas:extensibility/logging@1.0.0</c>.</param>
/// <param name="Functions">The functions in declaration order.</param>
public sealed record InterfaceDefinition(string Name, ImmutableArray<WitFunction> Functions)
{
    /// <summary>Creates an interface definition.</summary>
    /// <param name="name">The fully qualified name.</param>
    /// <param name="functions">The functions in declaration order.</param>
    /// <returns>The definition.</returns>
    public static InterfaceDefinition Create(string name, params ReadOnlySpan<WitFunction> functions) => new(name, [.. functions]);

    /// <summary>Finds a function by name.</summary>
    /// <param name="name">The function name.</param>
    /// <returns>The function, or <see langword="null"/>.</returns>
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
