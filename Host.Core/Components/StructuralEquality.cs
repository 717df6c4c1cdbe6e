using System.Collections.Immutable;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// Element-wise equality for the immutable arrays inside the WIT model, whose own equality is
/// by reference. A default (uninitialised) array counts as empty.
/// </summary>
internal static class StructuralEquality
{
    public static bool SequenceEqual<T>(ImmutableArray<T> left, ImmutableArray<T> right) =>
        left.AsSpan().SequenceEqual(right.AsSpan(), EqualityComparer<T>.Default);

    public static int Hash<T>(ImmutableArray<T> items)
    {
        var hash = default(HashCode);
        foreach (var item in items.AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
