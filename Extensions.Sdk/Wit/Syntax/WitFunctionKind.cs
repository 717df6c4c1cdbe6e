namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>What kind of function a <see cref="WitFunction"/> is.</summary>
public enum WitFunctionKind
{
    /// <summary>A function of an interface or world.</summary>
    Freestanding,

    /// <summary>A resource's <c>constructor(...)</c>.</summary>
    Constructor,

    /// <summary>A resource method, with an implicit <c>self: borrow&lt;R&gt;</c>.</summary>
    Method,

    /// <summary>A resource's <c>name: static func(...)</c>.</summary>
    Static,
}
