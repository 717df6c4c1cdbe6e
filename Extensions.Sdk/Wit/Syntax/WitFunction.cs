namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A function: <c>name: func(params) -> result;</c>, or a constructor, method or static function of a resource.</summary>
public sealed class WitFunction : WitItem
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="name">The name as written, without a <c>%</c> escape.</param>
    /// <param name="docs">The doc comment (<c>///</c> lines or a <c>/** */</c> block) before the item, without the comment markers; <see langword="null"/> when there is none.</param>
    /// <param name="gates">The feature gates (<c>@since</c>, <c>@unstable</c>, <c>@deprecated</c>) before the item.</param>
    /// <param name="kind">Free function, constructor, method or static function.</param>
    /// <param name="isAsync">Whether it is declared <c>async func</c>.</param>
    /// <param name="parameters">The parameters in order (a method's implicit <c>self</c> is not listed).</param>
    /// <param name="result">The result type, or <see langword="null"/> when the function returns nothing.</param>
    public WitFunction(WitLocation location, string name, string? docs, IReadOnlyList<WitGate> gates, WitFunctionKind kind, bool isAsync, IReadOnlyList<WitParameter> parameters, WitTypeRef? result)
        : base(location, name, docs, gates)
    {
        Kind = kind;
        IsAsync = isAsync;
        Parameters = parameters;
        Result = result;
    }

    /// <summary>Free function, constructor, method or static function.</summary>
    public WitFunctionKind Kind { get; }

    /// <summary>Whether it is declared <c>async func</c>.</summary>
    public bool IsAsync { get; }

    /// <summary>The parameters in order (a method's implicit <c>self</c> is not listed).</summary>
    public IReadOnlyList<WitParameter> Parameters { get; }

    /// <summary>The result type, or <see langword="null"/> when the function returns nothing.</summary>
    public WitTypeRef? Result { get; }
}
