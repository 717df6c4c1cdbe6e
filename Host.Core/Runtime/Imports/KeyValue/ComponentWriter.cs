using System.Text;

namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>Writes the few component-binary forms <see cref="KeyValueSetLowering"/>'s wrapper needs.</summary>
internal sealed class ComponentWriter
{
    private readonly List<byte> _bytes = [];

    public void Raw(ReadOnlySpan<byte> bytes) => _bytes.AddRange(bytes);

    /// <summary>A section: its id, its size and its payload.</summary>
    public void Section(byte id, ReadOnlySpan<byte> payload)
    {
        _bytes.Add(id);
        _bytes.AddRange(Leb128((uint)payload.Length));
        _bytes.AddRange(payload);
    }

    public byte[] ToArray() => [.. _bytes];

    /// <summary>A vector: the count, then the items.</summary>
    public static byte[] Vector(IReadOnlyCollection<byte[]> items) => [.. Leb128((uint)items.Count), .. items.SelectMany(item => item)];

    /// <summary><c>(alias export instance "name" (sort))</c>.</summary>
    public static byte[] AliasExport(byte sort, uint instance, string name) => [sort, 0x00, .. Leb128(instance), .. Name(name)];

    /// <summary><c>(instance (instantiate component (with "name" (sort index))…))</c>.</summary>
    public static byte[] Instantiate(uint component, IReadOnlyCollection<(string Name, byte Sort, uint Index)> arguments) =>
        [0x00, .. Leb128(component), .. Vector([.. arguments.Select(a => (byte[])[.. Name(a.Name), a.Sort, .. Leb128(a.Index)])])];

    /// <summary><c>(instance (export "name" (sort index))…)</c>.</summary>
    public static byte[] InlineExports(IReadOnlyCollection<(string Name, byte Sort, uint Index)> members) =>
        [0x01, .. Vector([.. members.Select(m => (byte[])[0x00, .. Name(m.Name), m.Sort, .. Leb128(m.Index)])])];

    /// <summary><c>(export "name" (sort index))</c>, without a type ascription.</summary>
    public static byte[] Export(byte form, string name, byte sort, uint index) => [form, .. Name(name), sort, .. Leb128(index), 0x00];

    private static byte[] Name(string name)
    {
        var utf8 = Encoding.UTF8.GetBytes(name);
        return [.. Leb128((uint)utf8.Length), .. utf8];
    }

    private static byte[] Leb128(uint value)
    {
        var bytes = new List<byte>(5);
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);

        return [.. bytes];
    }
}
