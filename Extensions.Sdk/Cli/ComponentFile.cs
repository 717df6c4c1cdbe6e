using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Sdk.Cli;

/// <summary>Reads a component from disk: binary <c>.wasm</c>, or WebAssembly text (<c>.wat</c>) turned into the same binary.</summary>
internal static class ComponentFile
{
    public static async Task<byte[]> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such file.");
        }

        if (!path.EndsWith(".wat", StringComparison.OrdinalIgnoreCase))
        {
            return await File.ReadAllBytesAsync(path, cancellationToken);
        }

        try
        {
            return WatText.ToBinary(await File.ReadAllTextAsync(path, cancellationToken));
        }
        catch (FormatException exception)
        {
            throw new CliException($"{path}: not valid WebAssembly text: {exception.Message}");
        }
    }
}
