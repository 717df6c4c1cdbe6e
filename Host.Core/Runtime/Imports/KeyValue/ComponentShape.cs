namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>
/// What <see cref="KeyValueSetLowering"/> reads of a component: the sections before its first
/// definition (types, imports, aliases), its imports and exports, the key-value import and where
/// <c>set</c>'s value type is; and the next free index of each component-level sort it defines.
/// </summary>
internal sealed class ComponentShape
{
    private readonly Dictionary<byte, uint> _counts = [];

    public List<(int Start, int End)> Prefix { get; } = [];

    public List<ShapeItem> Imports { get; } = [];

    public List<ShapeItem> Exports { get; } = [];

    /// <summary>The exports of the key-value import's instance type (<c>get</c>, <c>set</c>, <c>delete</c>, any types).</summary>
    public List<ShapeItem> KeyValueExports { get; } = [];

    /// <summary>The instance index of the key-value import.</summary>
    public uint? KeyValueInstance { get; set; }

    /// <summary>Where, in the binary, the type of <c>set</c>'s <c>value</c> parameter is.</summary>
    public (int Start, int End) ValueType { get; set; }

    /// <summary>Adds one item of <paramref name="sort"/> (0x01 func, 0x03 type, 0x04 component, 0x05 instance) and returns its index.</summary>
    public uint Define(byte sort)
    {
        var index = _counts.GetValueOrDefault(sort);
        _counts[sort] = index + 1;
        return index;
    }
}
