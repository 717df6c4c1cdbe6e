namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Components crafted to make Cranelift slow or huge, generated as binaries: the hand-written event
/// handler (so one that compiles within budget is accepted as a version) with one more core module
/// appended, a module that is never instantiated but that Wasmtime compiles all the same. Each bomb
/// module has one function type <c>(i32) -> i32</c> and exports its first function.
/// </summary>
internal static class CompileBombs
{
    /// <summary>One bomb: what it is and the component to upload.</summary>
    public sealed record Bomb(string Name, byte[] Bytes)
    {
        public override string ToString() => Name;
    }

    private const byte I32 = 0x7f;
    private const byte Block = 0x02;
    private const byte Loop = 0x03;
    private const byte End = 0x0b;
    private const byte BrIf = 0x0d;
    private const byte LocalGet = 0x20;
    private const byte LocalSet = 0x21;
    private const byte I32Const = 0x41;
    private const byte I32Add = 0x6a;
    private const byte EmptyBlockType = 0x40;

    /// <summary>
    /// <paramref name="depth"/> nested empty blocks. Measured with Wasmtime 50: 15,000 compile in
    /// about 40 ms; nesting is not what Cranelift is slow at.
    /// </summary>
    public static Bomb NestedBlocks(int depth) => new($"{depth:N0} nested blocks", Component(Function(0, body =>
    {
        for (var i = 0; i < depth; i++)
        {
            body.AddRange([Block, EmptyBlockType]);
        }

        for (var i = 0; i < depth; i++)
        {
            body.Add(End);
        }

        body.AddRange([LocalGet, 0]);
    })));

    /// <summary>
    /// One function body of <paramref name="bytes"/> bytes that register allocation chokes on: a loop
    /// around thousands of blocks, each adding between <paramref name="locals"/> locals and leaving
    /// by a <c>br_if</c>, so every local is live across every block edge; the result sums them all.
    /// Measured in-process with Wasmtime 50 at 1 MiB and 1,000 locals: 43 s and 1.2 GiB.
    /// </summary>
    public static Bomb HugeFunction(int bytes, int locals) => new($"{bytes / 1024:N0} KiB function, {locals:N0} locals live across its blocks", Component(Function(locals, body =>
    {
        body.AddRange([Loop, EmptyBlockType]);
        for (var i = 0; body.Count < bytes; i++)
        {
            body.AddRange([Block, EmptyBlockType]);
            for (var k = 0; k < 4; k++)
            {
                var target = 1 + ((i * 4 + k) % locals);
                var source = 1 + ((i * 13 + k * 7 + 5) % locals);
                body.Add(LocalGet);
                Leb128(body, source);
                body.Add(LocalGet);
                Leb128(body, target);
                body.Add(I32Add);
                body.Add(LocalSet);
                Leb128(body, target);
            }

            body.AddRange([LocalGet, 0, BrIf, 0, End]);
        }

        body.AddRange([LocalGet, 0, BrIf, 0, End, LocalGet, 0]);
        for (var local = 1; local <= locals; local++)
        {
            body.Add(LocalGet);
            Leb128(body, local);
            body.Add(I32Add);
        }
    })));

    /// <summary>
    /// A function with <paramref name="locals"/> locals besides its parameter (Wasmtime counts both,
    /// and refuses more than 50,000), each set from the parameter and all read back at the end, so
    /// all are live at once.
    /// </summary>
    public static Bomb ManyLocals(int locals) => new($"{locals + 1:N0} locals (parameter included), all live", Component(Function(locals, body =>
    {
        for (var local = 1; local <= locals; local++)
        {
            body.AddRange([LocalGet, 0, I32Const]);
            Leb128Signed(body, local);
            body.Add(I32Add);
            body.Add(LocalSet);
            Leb128(body, local);
        }

        body.AddRange([LocalGet, 0]);
        for (var local = locals; local >= 1; local--)
        {
            body.Add(LocalGet);
            Leb128(body, local);
            body.Add(I32Add);
        }
    })));

    /// <summary>
    /// <paramref name="count"/> small functions. Measured in-process with Wasmtime 50: 100,000 take
    /// 3 s and 660 MiB, 300,000 take 16 s and 1.8 GiB — memory grows with the function count.
    /// </summary>
    public static Bomb ManyFunctions(int count)
    {
        List<byte[]> bodies = new(count);
        for (var i = 0; i < count; i++)
        {
            List<byte> body = [0, LocalGet, 0, I32Const];
            Leb128Signed(body, i);
            body.AddRange([I32Add, End]);
            bodies.Add([.. body]);
        }

        return new($"{count:N0} functions", Component(Module(bodies)));
    }

    private static byte[] Function(int locals, Action<List<byte>> code)
    {
        List<byte> body = [];
        if (locals == 0)
        {
            body.Add(0);
        }
        else
        {
            body.Add(1);
            Leb128(body, locals);
            body.Add(I32);
        }

        code(body);
        body.Add(End);
        return Module([[.. body]]);
    }

    private static byte[] Module(List<byte[]> bodies)
    {
        List<byte> module = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
        Section(module, 1, [1, 0x60, 1, I32, 1, I32]);
        List<byte> functions = [];
        Leb128(functions, bodies.Count);
        functions.AddRange(Enumerable.Repeat((byte)0, bodies.Count));
        Section(module, 3, functions);
        Section(module, 7, [1, 1, (byte)'f', 0x00, 0]);
        List<byte> code = [];
        Leb128(code, bodies.Count);
        foreach (var body in bodies)
        {
            Leb128(code, body.Length);
            code.AddRange(body);
        }

        Section(module, 10, code);
        return [.. module];
    }

    /// <summary>The hand-written event handler with <paramref name="module"/> appended as one more core module section.</summary>
    private static byte[] Component(byte[] module)
    {
        List<byte> component = [.. TestWasm.WatHandler()];
        Section(component, 1, module);
        return [.. component];
    }

    private static void Section(List<byte> output, byte id, IReadOnlyCollection<byte> content)
    {
        output.Add(id);
        Leb128(output, content.Count);
        output.AddRange(content);
    }

    private static void Leb128(List<byte> output, int value)
    {
        var remaining = (uint)value;
        do
        {
            var b = (byte)(remaining & 0x7f);
            remaining >>= 7;
            output.Add(remaining == 0 ? b : (byte)(b | 0x80));
        }
        while (remaining != 0);
    }

    private static void Leb128Signed(List<byte> output, int value)
    {
        while (true)
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0))
            {
                output.Add(b);
                return;
            }

            output.Add((byte)(b | 0x80));
        }
    }
}
