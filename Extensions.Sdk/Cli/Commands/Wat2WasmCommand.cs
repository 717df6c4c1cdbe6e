using System.CommandLine;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>ext wat2wasm &lt;file.wat&gt; [-o file.wasm]</c>: WebAssembly text to the binary the host's upload
/// accepts (<c>application/wasm</c>), with Wasmtime's own parser — the bytes <c>inspect</c> and
/// <c>run</c> use for the same file.
/// </summary>
internal static class Wat2WasmCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "WebAssembly text (.wat): a component or a core module." };
        var target = new Option<string?>("--output", "-o") { Description = "The binary to write; default: the input with the extension .wasm." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("wat2wasm", "Convert WebAssembly text to a binary .wasm, e.g. to upload it to the host.") { file, target, json };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(
            error, () => ConvertAsync(parse.GetRequiredValue(file), parse.GetValue(target), parse.GetValue(json), output, cancellationToken), parse.GetValue(json)));
        return command;
    }

    private static async Task<int> ConvertAsync(string path, string? target, bool asJson, TextWriter output, CancellationToken cancellationToken)
    {
        if (!path.EndsWith(".wat", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException($"{path}: expected WebAssembly text (a .wat file).");
        }

        var bytes = await ComponentFile.ReadAsync(path, cancellationToken);
        target ??= Path.ChangeExtension(path, ".wasm");
        await File.WriteAllBytesAsync(target, bytes, cancellationToken);
        await output.WriteLineAsync(asJson
            ? new System.Text.Json.Nodes.JsonObject { ["file"] = target, ["sizeBytes"] = bytes.Length, ["sha256"] = ComponentHash.Of(bytes) }.ToJsonString(CliJson.Line)
            : $"{target}: {bytes.Length} bytes, sha256 {ComponentHash.Of(bytes)}");
        return ExitCodes.Ok;
    }
}
