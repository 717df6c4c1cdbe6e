namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>result&lt;T, E&gt;</c>, <c>result&lt;_, E&gt;</c>, <c>result&lt;T&gt;</c> or <c>result</c>.</summary>
public sealed class WitResultType : WitTypeRef
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="ok">The <c>ok</c> payload type, or <see langword="null"/> for none.</param>
    /// <param name="err">The <c>err</c> payload type, or <see langword="null"/> for none.</param>
    public WitResultType(WitLocation location, WitTypeRef? ok, WitTypeRef? err)
        : base(location)
    {
        Ok = ok;
        Err = err;
    }

    /// <summary>The <c>ok</c> payload type, or <see langword="null"/> for none.</summary>
    public WitTypeRef? Ok { get; }

    /// <summary>The <c>err</c> payload type, or <see langword="null"/> for none.</summary>
    public WitTypeRef? Err { get; }
}
