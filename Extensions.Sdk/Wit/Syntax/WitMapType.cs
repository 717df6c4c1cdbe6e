namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary><c>map&lt;K, V&gt;</c>.</summary>
public sealed class WitMapType : WitTypeRef
{
    /// <summary>Creates the node.</summary>
    /// <param name="location">Where the node is in its file.</param>
    /// <param name="key">The key type.</param>
    /// <param name="value">The value type.</param>
    public WitMapType(WitLocation location, WitTypeRef key, WitTypeRef value)
        : base(location)
    {
        Key = key;
        Value = value;
    }

    /// <summary>The key type.</summary>
    public WitTypeRef Key { get; }

    /// <summary>The value type.</summary>
    public WitTypeRef Value { get; }
}
