using ExtensibilityHost.Core.Components;

namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>
/// Makes <c>key-value.set</c> cost the host a small constant per byte of its value, whatever
/// length the guest passes.
/// </summary>
/// <remarks>
/// <para>
/// Wasmtime's dynamic host functions (the only kind its C API and Wasmtime.Dotnet offer) lift a
/// <c>list&lt;u8&gt;</c> argument into one value per byte — a Rust <c>Val</c>, a C
/// <c>wasmtime_component_val_t</c> (32 bytes, wasmtime#11617) and a managed <c>ComponentValue</c> —
/// before the host function runs and can look at the length: ~170 bytes of host memory and
/// ~0.4 µs per byte, so one call passing 1 MiB cost 175 MB and 0.4 s before it was refused at 64 KiB.
/// </para>
/// <para>
/// Before compiling, the host therefore wraps a component that imports <c>set</c> in an outer
/// component: the same imports (the guest's own type, import and alias sections, copied), a small
/// adapter component (<c>key-value-set-adapter.wat</c>) and the guest itself, unchanged,
/// instantiated with the adapter's <c>set</c> in place of the host's, and the guest's exports
/// re-exported. The adapter takes the guest's <c>(key: string, value: list&lt;u8&gt;)</c> —
/// Wasmtime's fused adapter copies the bytes from the guest's memory into the adapter's, wasm to
/// wasm — and calls the host's <c>set</c>, which the outer import declares as
/// <c>(key: string, value: string)</c>, lowered with <c>string-encoding=latin1+utf16</c>: both are
/// a pointer and a length, Latin-1 maps every byte to one character, and the adapter's allocator
/// keeps them 2-aligned as that encoding requires. Wasmtime then lifts the value as one string,
/// the host checks its length before copying it and turns the characters back into the same
/// bytes. Error strings the host returns are ASCII, which Latin-1 writes as UTF-8 would.
/// </para>
/// <para>
/// The upload, its hash and what inspection reports (<see cref="Restore"/>) stay the original's.
/// A component whose imports are not all at its start is left as it is, and
/// <see cref="KeyValueCapability"/> refuses to run it if it imports <c>set</c>; no standard
/// toolchain produces one.
/// </para>
/// </remarks>
internal static class KeyValueSetLowering
{
    private const string InterfacePrefix = "saas:extensibility/key-value@";
    private const int Preamble = 8;
    private const byte StringType = 0x73;
    private const byte SortFunction = 0x01;
    private const byte SortType = 0x03;
    private const byte SortComponent = 0x04;
    private const byte SortInstance = 0x05;

    private static readonly Lazy<byte[]> Adapter = new(() => WatText.ToBinary(AdapterText()));

    /// <summary>Core memories the wrapper adds to a call's store (the adapter's).</summary>
    public const int AddedMemories = 1;

    /// <summary>Whether <paramref name="importName"/> is a version of the key-value interface.</summary>
    public static bool IsKeyValue(string importName) => importName.StartsWith(InterfacePrefix, StringComparison.Ordinal);

    /// <summary>
    /// The component wrapped so that <c>set</c> reaches the host as Latin-1 text, or
    /// <see langword="null"/> when it does not import <c>set</c> or its shape cannot be followed.
    /// </summary>
    public static byte[]? Rewrite(ReadOnlySpan<byte> component)
    {
        try
        {
            return Read(component) is { } shape ? Wrap(component, shape) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Whether a compiled component imports key-value with <c>set</c> taking a <c>list&lt;u8&gt;</c> (so it was not wrapped).</summary>
    public static bool ValueIsByteList(ComponentDescription description) => SetValueType(description) is WitType.List;

    /// <summary>Whether a compiled component is the wrapper: its key-value <c>set</c> takes a <c>string</c>.</summary>
    public static bool IsWrapped(ComponentDescription description) =>
        SetValueType(description) is WitType.Primitive { Kind: WitPrimitive.String };

    /// <summary>The description as the component declared it: <c>set</c>'s value a <c>list&lt;u8&gt;</c> again.</summary>
    public static ComponentDescription Restore(ComponentDescription description)
    {
        if (!IsWrapped(description))
        {
            return description;
        }

        var imports = description.Imports.Select(import =>
            IsKeyValue(import.Name) && import.FindFunction("set") is { Signature.Parameters: [var key, var value] } set
                ? import with
                {
                    Functions = import.Functions.Replace(set, set with
                    {
                        Signature = set.Signature with { Parameters = [key, value with { Type = WitType.ListOf(WitType.U8) }] },
                    }),
                }
                : import);
        return description with { Imports = [.. imports] };
    }

    private static WitType? SetValueType(ComponentDescription description)
    {
        foreach (var import in description.Imports)
        {
            if (IsKeyValue(import.Name) && import.FindFunction("set") is { Signature.Parameters: [_, var value] })
            {
                return value.Type;
            }
        }

        return null;
    }

    /// <summary>Reads what the wrapper needs: where the imports end, each import and export, and the key-value import's type.</summary>
    private static ComponentShape? Read(ReadOnlySpan<byte> bytes)
    {
        var shape = new ComponentShape();
        var types = new List<(int Start, int End)?>();
        uint? keyValueType = null;
        var reader = new ComponentBinaryReader(bytes, Preamble);
        var inPrefix = true;
        while (!reader.AtEnd)
        {
            var sectionStart = reader.Position;
            var id = reader.Byte();
            var size = reader.U32();
            var end = reader.Position + (int)size;
            inPrefix &= id is 0 or 6 or 7 or 10;
            if (inPrefix && id != 0)
            {
                shape.Prefix.Add((sectionStart, end));
            }

            switch (id)
            {
                case 6 when inPrefix:
                    for (var count = reader.U32(); count > 0; count--)
                    {
                        var alias = reader.Alias();
                        if (alias.Sort == SortType)
                        {
                            types.Add(null);
                        }

                        shape.Define(alias.Sort);
                    }

                    break;
                case 7 when inPrefix:
                    for (var count = reader.U32(); count > 0; count--)
                    {
                        var start = reader.Position;
                        reader.DefType();
                        types.Add((start, reader.Position));
                        shape.Define(SortType);
                    }

                    break;
                case 10:
                    if (!inPrefix)
                    {
                        throw new FormatException("an import after the first definition");
                    }

                    for (var count = reader.U32(); count > 0; count--)
                    {
                        var form = reader.Peek();
                        var name = reader.ExternName();
                        var (sort, index) = reader.ExternType();
                        if (sort is not (SortFunction or SortType or SortComponent or SortInstance))
                        {
                            throw new FormatException($"import of sort 0x{sort:x2}");
                        }

                        if (sort == SortType)
                        {
                            types.Add(null);
                        }

                        shape.Imports.Add(new ShapeItem(form, name, sort, shape.Define(sort)));
                        if (sort == SortInstance && IsKeyValue(name))
                        {
                            shape.KeyValueInstance = shape.Imports[^1].Index;
                            keyValueType = index;
                        }
                    }

                    break;
                case 11:
                    for (var count = reader.U32(); count > 0; count--)
                    {
                        var form = reader.Peek();
                        var name = reader.ExternName();
                        var (sort, _) = reader.SortIndex();
                        if (reader.Byte() == 0x01)
                        {
                            reader.ExternType();
                        }

                        shape.Exports.Add(sort is SortFunction or SortType or SortComponent or SortInstance
                            ? new ShapeItem(form, name, sort, 0)
                            : throw new FormatException($"export of sort 0x{sort:x2}"));
                    }

                    break;
                default:
                    reader.Skip(size);
                    continue;
            }

            if (reader.Position != end)
            {
                throw new FormatException($"section {id} size");
            }
        }

        if (keyValueType is not { } typeIndex || typeIndex >= types.Count || types[(int)typeIndex] is not { } instanceType)
        {
            return null;
        }

        return ReadKeyValueType(bytes, instanceType.Start, shape) ? shape : null;
    }

    /// <summary>Finds, in the key-value import's instance type, its exports and where <c>set</c>'s value type is (it must be <c>list&lt;u8&gt;</c>).</summary>
    private static bool ReadKeyValueType(ReadOnlySpan<byte> bytes, int instanceType, ComponentShape shape)
    {
        var reader = new ComponentBinaryReader(bytes, instanceType);
        if (reader.Byte() != 0x42)
        {
            return false;
        }

        var locals = new List<(int Start, int End)?>();
        var functionTypeUses = new Dictionary<uint, int>();
        uint? setType = null;
        for (var count = reader.U32(); count > 0; count--)
        {
            switch (reader.Byte())
            {
                case 0x01:
                    var start = reader.Position;
                    reader.DefType();
                    locals.Add((start, reader.Position));
                    break;
                case 0x02:
                    if (reader.Alias().Sort == SortType)
                    {
                        locals.Add(null);
                    }

                    break;
                case 0x04:
                    var name = reader.ExternName();
                    var (sort, index) = reader.ExternType();
                    shape.KeyValueExports.Add(new ShapeItem(0x00, name, sort, 0));
                    if (sort == SortType)
                    {
                        locals.Add(null);
                    }
                    else if (sort == SortFunction)
                    {
                        functionTypeUses[index] = functionTypeUses.GetValueOrDefault(index) + 1;
                        setType = name == "set" ? index : setType;
                    }

                    break;
                default:
                    return false;
            }
        }

        if (setType is not { } type || functionTypeUses[type] != 1 || type >= locals.Count || locals[(int)type] is not { } function)
        {
            return false;
        }

        var signature = new ComponentBinaryReader(bytes, function.Start);
        if (signature.Byte() != 0x40 || signature.U32() != 2 || signature.Name() != "key" || signature.ValType() != StringType || signature.Name() != "value")
        {
            return false;
        }

        var valueStart = signature.Position;
        if (signature.ValType() != 0)
        {
            return false;
        }

        var list = new ComponentBinaryReader(bytes, valueStart).U32();
        if (list >= locals.Count || locals[(int)list] is not { } listType
            || listType.End - listType.Start != 2 || bytes[listType.Start] != 0x70 || bytes[listType.Start + 1] != 0x7d)
        {
            return false;
        }

        shape.ValueType = (valueStart, signature.Position);
        return true;
    }

    private static byte[] Wrap(ReadOnlySpan<byte> guest, ComponentShape shape)
    {
        var output = new ComponentWriter();
        output.Raw(guest[..Preamble]);

        // The guest's imports, with the host's set declared as (key: string, value: string).
        foreach (var (start, end) in shape.Prefix)
        {
            if (shape.ValueType.Start > start && shape.ValueType.Start < end)
            {
                var reader = new ComponentBinaryReader(guest, start + 1);
                reader.U32();
                var payloadStart = reader.Position;
                var payload = new List<byte>();
                payload.AddRange(guest[payloadStart..shape.ValueType.Start]);
                payload.Add(StringType);
                payload.AddRange(guest[shape.ValueType.End..end]);
                output.Section(guest[start], [.. payload]);
            }
            else
            {
                output.Raw(guest[start..end]);
            }
        }

        var keyValue = shape.KeyValueInstance!.Value;
        output.Section(4, Adapter.Value);
        var adapterComponent = shape.Define(SortComponent);

        // The adapter, given the host's set.
        var hostSet = shape.Define(SortFunction);
        output.Section(6, ComponentWriter.Vector([ComponentWriter.AliasExport(SortFunction, keyValue, "set")]));
        var adapter = shape.Define(SortInstance);
        output.Section(5, ComponentWriter.Vector([ComponentWriter.Instantiate(adapterComponent, [("set", SortFunction, hostSet)])]));

        // The instance the guest gets as key-value: the adapter's set and the host's everything else.
        var aliases = new List<byte[]>();
        var members = new List<(string Name, byte Sort, uint Index)>();
        foreach (var export in shape.KeyValueExports)
        {
            aliases.Add(ComponentWriter.AliasExport(export.Sort, export.Name == "set" ? adapter : keyValue, export.Name));
            members.Add((export.Name, export.Sort, shape.Define(export.Sort)));
        }

        output.Section(6, ComponentWriter.Vector(aliases));
        var guestKeyValue = shape.Define(SortInstance);
        output.Section(5, ComponentWriter.Vector([ComponentWriter.InlineExports(members)]));

        // The guest, unchanged, and its exports.
        output.Section(4, guest);
        var guestComponent = shape.Define(SortComponent);
        var arguments = shape.Imports.Select(import => (import.Name, import.Sort, import.Index == keyValue && import.Sort == SortInstance ? guestKeyValue : import.Index));
        var instance = shape.Define(SortInstance);
        output.Section(5, ComponentWriter.Vector([ComponentWriter.Instantiate(guestComponent, [.. arguments])]));
        if (shape.Exports.Count > 0)
        {
            var exportAliases = new List<byte[]>();
            var exports = new List<byte[]>();
            foreach (var export in shape.Exports)
            {
                exportAliases.Add(ComponentWriter.AliasExport(export.Sort, instance, export.Name));
                exports.Add(ComponentWriter.Export(export.Form, export.Name, export.Sort, shape.Define(export.Sort)));
            }

            output.Section(6, ComponentWriter.Vector(exportAliases));
            output.Section(11, ComponentWriter.Vector(exports));
        }

        return output.ToArray();
    }

    private static string AdapterText()
    {
        using var stream = typeof(KeyValueSetLowering).Assembly.GetManifestResourceStream("key-value-set-adapter.wat")
            ?? throw new InvalidOperationException("the key-value set adapter is not embedded in Host.Core");
        using var text = new StreamReader(stream);
        return text.ReadToEnd();
    }
}
