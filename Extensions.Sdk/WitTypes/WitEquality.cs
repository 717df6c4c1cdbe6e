using System.Collections;
using System.Runtime.CompilerServices;

namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>
/// Structural equality for values of generated types: lists (arrays, <see cref="IReadOnlyList{T}"/>) and
/// tuples compare element by element, everything else with its own <see cref="object.Equals(object)"/>.
/// Records with a list among their fields use it, so a value equals its own round trip.
/// </summary>
public static class WitEquality
{
    /// <summary>Whether two values are structurally equal.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    /// <returns>Whether they are equal, lists and tuples compared element by element.</returns>
    public static bool AreEqual(object? left, object? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null)
        {
            return false;
        }

        if (left is string || right is string)
        {
            return left.Equals(right);
        }

        if (left is IEnumerable leftItems && right is IEnumerable rightItems)
        {
            var rightEnumerator = rightItems.GetEnumerator();
            foreach (var item in leftItems)
            {
                if (!rightEnumerator.MoveNext() || !AreEqual(item, rightEnumerator.Current))
                {
                    return false;
                }
            }

            return !rightEnumerator.MoveNext();
        }

        if (left is ITuple leftTuple && right is ITuple rightTuple)
        {
            if (leftTuple.Length != rightTuple.Length)
            {
                return false;
            }

            for (var i = 0; i < leftTuple.Length; i++)
            {
                if (!AreEqual(leftTuple[i], rightTuple[i]))
                {
                    return false;
                }
            }

            return true;
        }

        return left.Equals(right);
    }

    /// <summary>A hash code consistent with <see cref="AreEqual"/>.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The hash code.</returns>
    public static int HashOf(object? value)
    {
        switch (value)
        {
            case null:
                return 0;
            case string text:
                return text.GetHashCode(StringComparison.Ordinal);
            case IEnumerable items:
                {
                    var hash = new HashCode();
                    foreach (var item in items)
                    {
                        hash.Add(HashOf(item));
                    }

                    return hash.ToHashCode();
                }

            case ITuple tuple:
                {
                    var hash = new HashCode();
                    for (var i = 0; i < tuple.Length; i++)
                    {
                        hash.Add(HashOf(tuple[i]));
                    }

                    return hash.ToHashCode();
                }

            default:
                return value.GetHashCode();
        }
    }

    /// <summary>A hash code of several values, consistent with <see cref="AreEqual"/> on each.</summary>
    /// <param name="values">The values, e.g. a record's fields.</param>
    /// <returns>The hash code.</returns>
    public static int HashOfAll(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(HashOf(value));
        }

        return hash.ToHashCode();
    }
}
