using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Malformed uploads made from valid components, deterministically (a fixed seed): a broken
/// header (magic, version, layer), a truncation at, before and after every section boundary, a
/// core module, a component of no known world, one over the size cap, a gzip bomb, an export
/// section repeated (duplicate exports), and bit flips to fill the rest.
/// </summary>
internal static class MalformedUploads
{
    /// <summary>One upload: what it is, its bytes, and whether it is sent gzip-encoded.</summary>
    public sealed record Case(string Name, byte[] Bytes, bool Gzip = false);

    public static List<Case> Generate(IReadOnlyList<(string Name, byte[] Bytes)> bases, int total, long maxBytes)
    {
        List<Case> cases = [];
        var first = bases[0].Bytes;
        cases.Add(new("empty", []));
        for (var length = 1; length < 8; length++)
        {
            cases.Add(new($"header cut at {length}", first[..length]));
        }

        cases.Add(new("magic with its 'a' zeroed", With(first, 1, 0x00)));
        cases.Add(new("magic 'wasm' without the nul", With(first, 0, (byte)'w')));
        cases.Add(new("ELF magic", [0x7f, (byte)'E', (byte)'L', (byte)'F', .. first[4..]]));
        cases.Add(new("text, not binary", "(component)"u8.ToArray()));
        cases.Add(new("version 0x0c", With(first, 4, 0x0c)));
        cases.Add(new("version 0x0e", With(first, 4, 0x0e)));
        cases.Add(new("version 0xff", With(first, 4, 0xff)));
        cases.Add(new("layer 2", With(first, 6, 0x02)));
        cases.Add(new("layer 0xff", With(first, 6, 0xff)));
        cases.Add(new("core module", WatText.ToBinary("(module (func (export \"f\")))")));
        cases.Add(new("component of no known world", WatText.ToBinary(
            """
            (component
              (core module $m (func (export "f") (result i32) i32.const 1))
              (core instance $i (instantiate $m))
              (func (export "foo") (result u32) (canon lift (core func $i "f"))))
            """)));
        cases.Add(new("over the size cap", [.. first, .. CustomSection((int)maxBytes)]));
        cases.Add(new("gzip bomb (64 MiB of zeros)", new byte[64 * 1024 * 1024], Gzip: true));

        foreach (var (name, bytes) in bases)
        {
            var sections = Sections(bytes);
            foreach (var (start, _) in sections)
            {
                foreach (var cut in new[] { start - 1, start + 1, start + 2 })
                {
                    if (cut > 8 && cut < bytes.Length)
                    {
                        cases.Add(new($"{name} cut at {cut}", bytes[..cut]));
                    }
                }
            }

            if (sections.LastOrDefault(s => bytes[s.Start] == ExportSection) is { Length: > 0 } export)
            {
                cases.Add(new($"{name} with its export section twice", [.. bytes, .. bytes.AsSpan(export.Start, export.Length)]));
            }
        }

        var random = new Random(20261203);
        for (var i = 0; cases.Count < total; i++)
        {
            var (name, bytes) = bases[i % bases.Count];
            var flipped = (byte[])bytes.Clone();
            var flips = 1 + random.Next(3);
            var where = new List<int>();
            for (var f = 0; f < flips; f++)
            {
                var offset = 8 + random.Next(bytes.Length - 8);
                flipped[offset] ^= (byte)(1 << random.Next(8));
                where.Add(offset);
            }

            cases.Add(new($"flip {name} at {string.Join(",", where)}", flipped));
        }

        return cases;
    }

    private const byte ExportSection = 11;

    private static byte[] With(byte[] bytes, int offset, byte value)
    {
        var changed = (byte[])bytes.Clone();
        changed[offset] = value;
        return changed;
    }

    /// <summary>A custom section (id 0) with a one-byte name and <paramref name="payload"/> bytes of zeros.</summary>
    private static byte[] CustomSection(int payload)
    {
        var content = new byte[2 + payload];
        content[0] = 1;
        content[1] = (byte)'x';
        return [0, .. Leb128(content.Length), .. content];
    }

    private static byte[] Leb128(int value)
    {
        List<byte> bytes = [];
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    /// <summary>The top-level sections after the 8-byte header: where each starts (its id byte) and its whole length.</summary>
    private static List<(int Start, int Length)> Sections(byte[] bytes)
    {
        List<(int, int)> sections = [];
        var position = 8;
        while (position < bytes.Length)
        {
            var start = position++;
            var size = 0;
            var shift = 0;
            byte b;
            do
            {
                b = bytes[position++];
                size |= (b & 0x7f) << shift;
                shift += 7;
            }
            while ((b & 0x80) != 0);
            position += size;
            sections.Add((start, position - start));
        }

        return sections;
    }
}
