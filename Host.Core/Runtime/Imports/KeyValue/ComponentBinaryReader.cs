using System.Text;

namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>
/// Reads the component binary format (LEB128 integers, names and the type grammar) for
/// <see cref="KeyValueSetLowering"/>. Anything it does not know is a <see cref="FormatException"/>:
/// the caller then leaves the binary as it is.
/// </summary>
internal ref struct ComponentBinaryReader(ReadOnlySpan<byte> bytes, int position)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    public int Position { get; private set; } = position;

    public readonly bool AtEnd => Position >= _bytes.Length;

    public byte Byte() => Position < _bytes.Length ? _bytes[Position++] : throw new FormatException("unexpected end");

    public readonly byte Peek() => Position < _bytes.Length ? _bytes[Position] : throw new FormatException("unexpected end");

    public uint U32()
    {
        uint value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            var b = Byte();
            value |= (uint)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new FormatException("malformed LEB128");
    }

    public void Skip(uint count)
    {
        if (count > _bytes.Length - Position)
        {
            throw new FormatException("unexpected end");
        }

        Position += (int)count;
    }

    public string Name()
    {
        var length = U32();
        var start = Position;
        Skip(length);
        return Encoding.UTF8.GetString(_bytes.Slice(start, (int)length));
    }

    /// <summary>An import or export name (<c>nameattributes</c>); attributes are refused.</summary>
    public string ExternName()
    {
        var form = Byte();
        return form is 0x00 or 0x01 ? Name() : throw new FormatException($"extern name form 0x{form:x2}");
    }

    /// <summary>
    /// A <c>valtype</c>: a primitive (one byte, a negative SLEB128) or a type index (a non-negative
    /// SLEB128, which reads the same as a LEB128 u32). Returns the primitive byte, or 0 for an index.
    /// </summary>
    public byte ValType()
    {
        if (Peek() is >= 0x40 and <= 0x7f)
        {
            return Byte();
        }

        U32();
        return 0;
    }

    /// <summary>Skips one <c>deftype</c> of the component type grammar.</summary>
    public void DefType()
    {
        var form = Byte();
        switch (form)
        {
            case >= 0x73 and <= 0x7f or 0x64: // primitive
                return;
            case 0x72: // record
                for (var count = U32(); count > 0; count--)
                {
                    Name();
                    ValType();
                }

                return;
            case 0x71: // variant
                for (var count = U32(); count > 0; count--)
                {
                    Name();
                    OptionalValType();
                    if (Byte() != 0x00)
                    {
                        throw new FormatException("variant case refines");
                    }
                }

                return;
            case 0x70 or 0x6b: // list, option
                ValType();
                return;
            case 0x67: // fixed-length list
                ValType();
                U32();
                return;
            case 0x6f: // tuple
                for (var count = U32(); count > 0; count--)
                {
                    ValType();
                }

                return;
            case 0x6e or 0x6d: // flags, enum
                for (var count = U32(); count > 0; count--)
                {
                    Name();
                }

                return;
            case 0x6a: // result
                OptionalValType();
                OptionalValType();
                return;
            case 0x69 or 0x68: // own, borrow
                U32();
                return;
            case 0x66 or 0x65: // stream, future
                OptionalValType();
                return;
            case 0x63: // map
                ValType();
                ValType();
                return;
            case 0x40 or 0x43: // func
                FuncTypeBody();
                return;
            case 0x41 or 0x42: // component, instance
                for (var count = U32(); count > 0; count--)
                {
                    Declaration(component: form == 0x41);
                }

                return;
            case 0x3f: // resource
                if (Byte() != 0x7f)
                {
                    throw new FormatException("resource representation");
                }

                if (Byte() == 0x01)
                {
                    U32();
                }

                return;
            default:
                throw new FormatException($"type form 0x{form:x2}");
        }
    }

    /// <summary>Skips a function type after its 0x40 byte: parameters and result.</summary>
    public void FuncTypeBody()
    {
        for (var count = U32(); count > 0; count--)
        {
            Name();
            ValType();
        }

        switch (Byte())
        {
            case 0x00:
                ValType();
                return;
            case 0x01 when Byte() == 0x00:
                return;
            default:
                throw new FormatException("result list");
        }
    }

    /// <summary>Skips an <c>externtype</c> and returns its sort byte (0x00 core module … 0x05 instance) and type index.</summary>
    public (byte Sort, uint Index) ExternType()
    {
        var sort = Byte();
        switch (sort)
        {
            case 0x00:
                if (Byte() != 0x11)
                {
                    throw new FormatException("core extern type");
                }

                return (sort, U32());
            case 0x01 or 0x04 or 0x05:
                return (sort, U32());
            case 0x02 or 0x03:
                if (Byte() == 0x00)
                {
                    return (sort, U32());
                }

                if (sort == 0x02)
                {
                    ValType();
                }

                return (sort, 0);
            default:
                throw new FormatException($"extern type 0x{sort:x2}");
        }
    }

    /// <summary>Skips an alias and returns its sort (0x00 for core sorts), target form, instance and name.</summary>
    public (byte Sort, byte Target, uint Instance, string? Name) Alias()
    {
        var sort = Byte();
        if (sort == 0x00)
        {
            Byte();
        }

        var target = Byte();
        switch (target)
        {
            case 0x00 or 0x01:
                var instance = U32();
                return (sort, target, instance, Name());
            case 0x02:
                U32();
                U32();
                return (sort, target, 0, null);
            default:
                throw new FormatException($"alias target 0x{target:x2}");
        }
    }

    /// <summary>A <c>sortidx</c>: the sort byte (0x00 for core sorts) and the index.</summary>
    public (byte Sort, uint Index) SortIndex()
    {
        var sort = Byte();
        if (sort == 0x00)
        {
            Byte();
        }

        return (sort, U32());
    }

    private void OptionalValType()
    {
        if (Byte() == 0x01)
        {
            ValType();
        }
    }

    private void Declaration(bool component)
    {
        var form = Byte();
        switch (form)
        {
            case 0x01:
                DefType();
                return;
            case 0x02:
                Alias();
                return;
            case 0x03 when component:
            case 0x04:
                ExternName();
                ExternType();
                return;
            default:
                throw new FormatException($"declaration form 0x{form:x2}");
        }
    }
}
