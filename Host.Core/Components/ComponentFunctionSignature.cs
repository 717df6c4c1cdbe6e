using System.Collections.Immutable;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// The type of a component function: named parameters and at most one result, compared
/// structurally (parameter names, parameter types and result type).
/// </summary>
/// <param name="Parameters">The parameters in order, with their WIT names.</param>
/// <param name="Result">The result type, or <see langword="null"/> when the function returns nothing.</param>
public sealed record ComponentFunctionSignature(ImmutableArray<WitField> Parameters, WitType? Result)
{
    /// <summary>Creates a signature from parameter name/type pairs and an optional result.</summary>
    /// <param name="result">The result type, or <see langword="null"/> for none.</param>
    /// <param name="parameters">The parameters in order.</param>
    /// <returns>The signature.</returns>
    public static ComponentFunctionSignature Of(WitType? result, params ReadOnlySpan<(string Name, WitType Type)> parameters)
    {
        var builder = ImmutableArray.CreateBuilder<WitField>(parameters.Length);
        foreach (var (name, type) in parameters)
        {
            builder.Add(new WitField(name, type));
        }

        return new ComponentFunctionSignature(builder.MoveToImmutable(), result);
    }

    /// <inheritdoc/>
    public bool Equals(ComponentFunctionSignature? other) =>
        other is not null
        && StructuralEquality.SequenceEqual(Parameters, other.Parameters)
        && Equals(Result, other.Result);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(StructuralEquality.Hash(Parameters), Result);

    /// <summary>Renders the signature as WIT-like text, e.g. <c>func(a: u32, b: u32) -> u32</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => WitTypeFormatter.Format(this);
}
