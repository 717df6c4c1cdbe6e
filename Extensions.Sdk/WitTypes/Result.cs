using System.Diagnostics.CodeAnalysis;

namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>
/// A WIT <c>result&lt;T, E&gt;</c>: <c>ok</c> with a <typeparamref name="TOk"/> or <c>err</c> with a
/// <typeparamref name="TErr"/>. A side without payload (<c>_</c>) is <see cref="Unit"/>. Equality is
/// structural, lists included.
/// </summary>
/// <typeparam name="TOk">The <c>ok</c> payload type.</typeparam>
/// <typeparam name="TErr">The <c>err</c> payload type.</typeparam>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Result<T, E>.Ok(x) and .Err(e) read as WIT does.")]
public sealed class Result<TOk, TErr> : IEquatable<Result<TOk, TErr>>
{
    private readonly TOk _value;
    private readonly TErr _error;

    private Result(bool isOk, TOk value, TErr error)
    {
        IsOk = isOk;
        _value = value;
        _error = error;
    }

    /// <summary>Whether this is <c>ok</c>.</summary>
    public bool IsOk { get; }

    /// <summary>Whether this is <c>err</c>.</summary>
    public bool IsErr => !IsOk;

    /// <summary>The <c>ok</c> payload.</summary>
    /// <exception cref="InvalidOperationException">This is <c>err</c>.</exception>
    public TOk Value => IsOk ? _value : throw new InvalidOperationException($"The result is err({_error}), not ok.");

    /// <summary>The <c>err</c> payload.</summary>
    /// <exception cref="InvalidOperationException">This is <c>ok</c>.</exception>
    public TErr Error => !IsOk ? _error : throw new InvalidOperationException($"The result is ok({_value}), not err.");

    /// <summary><c>ok(value)</c>.</summary>
    /// <param name="value">The payload.</param>
    /// <returns>The result.</returns>
    public static Result<TOk, TErr> Ok(TOk value) => new(true, value, default!);

    /// <summary><c>err(error)</c>.</summary>
    /// <param name="error">The payload.</param>
    /// <returns>The result.</returns>
    public static Result<TOk, TErr> Err(TErr error) => new(false, default!, error);

    /// <summary>Gets the <c>ok</c> payload, if this is <c>ok</c>.</summary>
    /// <param name="value">The payload, or the default when <c>err</c>.</param>
    /// <returns>Whether this is <c>ok</c>.</returns>
    public bool TryGetValue([MaybeNullWhen(false)] out TOk value)
    {
        value = _value;
        return IsOk;
    }

    /// <summary>Gets the <c>err</c> payload, if this is <c>err</c>.</summary>
    /// <param name="error">The payload, or the default when <c>ok</c>.</param>
    /// <returns>Whether this is <c>err</c>.</returns>
    public bool TryGetError([MaybeNullWhen(false)] out TErr error)
    {
        error = _error;
        return !IsOk;
    }

    /// <summary>Maps either side to one value.</summary>
    /// <typeparam name="TResult">The value's type.</typeparam>
    /// <param name="ok">Called with the <c>ok</c> payload.</param>
    /// <param name="err">Called with the <c>err</c> payload.</param>
    /// <returns>What the called function returned.</returns>
    public TResult Match<TResult>(Func<TOk, TResult> ok, Func<TErr, TResult> err)
    {
        ArgumentNullException.ThrowIfNull(ok);
        ArgumentNullException.ThrowIfNull(err);
        return IsOk ? ok(_value) : err(_error);
    }

    /// <inheritdoc/>
    public bool Equals(Result<TOk, TErr>? other) =>
        other is not null && IsOk == other.IsOk && (IsOk ? WitEquality.AreEqual(_value, other._value) : WitEquality.AreEqual(_error, other._error));

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Result<TOk, TErr>);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(IsOk, IsOk ? WitEquality.HashOf(_value) : WitEquality.HashOf(_error));

    /// <inheritdoc/>
    public override string ToString() => IsOk ? $"ok({_value})" : $"err({_error})";
}
