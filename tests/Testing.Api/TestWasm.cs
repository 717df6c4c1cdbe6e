using System.IO.Compression;
using System.Text;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Testing;

namespace ExtensibilityHost.Testing.Api;

/// <summary>Real guests and broken bytes to upload.</summary>
public static class TestWasm
{
    /// <summary>The Rust event handler built from source (conforms to event-extension).</summary>
    public static byte[] RustHandler() => File.ReadAllBytes(Guests.Built("rust-event-handler.wasm"));

    /// <summary>The hand-written event handler (conforms to event-extension).</summary>
    public static byte[] WatHandler() => WatText.ToBinary(Guests.Wat("event-handler"));

    /// <summary>A valid component that implements no world.</summary>
    public static byte[] NoWorld() => WatText.ToBinary(Guests.Wat("add"));

    /// <summary>
    /// The hand-written event handler that also imports the interface <paramref name="importName"/>
    /// (an instance with no functions): enough for inspection to see the import.
    /// </summary>
    public static byte[] WatHandlerImporting(string importName)
    {
        const string Start = "(component";
        var wat = Guests.Wat("veto-echo-event-handler");
        var at = wat.IndexOf(Start, StringComparison.Ordinal) + Start.Length;
        return WatText.ToBinary(string.Concat(wat.AsSpan(0, at), $"\n  (import \"{importName}\" (instance))", wat.AsSpan(at)));
    }

    public static byte[] CoreModule() => WatText.ToBinary("(module)");

    public static byte[] Garbage() => Encoding.UTF8.GetBytes("#!/bin/sh\necho this is not a component\n");

    public static byte[] Truncated()
    {
        var whole = RustHandler();
        return whole[..(whole.Length / 2)];
    }

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}
