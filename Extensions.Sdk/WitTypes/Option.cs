using System.Diagnostics.CodeAnalysis;

namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>
/// A WIT <c>option&lt;T&gt;</c> whose payload is itself optional (<c>option&lt;option&lt;u32&gt;&gt;</c> →
/// <c>Option&lt;uint?&gt;</c>), where <see langword="null"/> alone could not tell <c>none</c> from
/// <c>some(none)</c>. Every other option is a nullable type. <see langword="default"/> is <c>none</c>.
/// </summary>
/// <typeparam name="T">The payload type.</typeparam>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Option<T>.None and Option<T>.Some(x) read as WIT does.")]
public readonly struct Option<T> : IEquatable<Option<T>>
{
    private readonly T _value;

    private Option(T value)
    {
        _value = value;
        HasValue = true;
    }

    /// <summary><c>none</c>.</summary>
    public static Option<T> None => default;

    /// <summary>Whether this is <c>some</c>.</summary>
    public bool HasValue { get; }

    /// <summary>The payload of <c>some</c>.</summary>
    /// <exception cref="InvalidOperationException">This is <c>none</c>.</exception>
    public T Value => HasValue ? _value : throw new InvalidOperationException("The option is none.");

    /// <summary><c>some(value)</c>.</summary>
    /// <param name="value">The payload.</param>
    /// <returns>The option.</returns>
    public static Option<T> Some(T value) => new(value);

    /// <summary>Equal options.</summary>
    /// <param name="left">An option.</param>
    /// <param name="right">Another option.</param>
    /// <returns>Whether both are <c>none</c>, or both <c>some</c> with equal payloads.</returns>
    public static bool operator ==(Option<T> left, Option<T> right) => left.Equals(right);

    /// <summary>Different options.</summary>
    /// <param name="left">An option.</param>
    /// <param name="right">Another option.</param>
    /// <returns>Whether they differ.</returns>
    public static bool operator !=(Option<T> left, Option<T> right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(Option<T> other) => HasValue == other.HasValue && (!HasValue || WitEquality.AreEqual(_value, other._value));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Option<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HasValue ? HashCode.Combine(1, WitEquality.HashOf(_value)) : 0;

    /// <inheritdoc/>
    public override string ToString() => HasValue ? $"some({_value})" : "none";
}
