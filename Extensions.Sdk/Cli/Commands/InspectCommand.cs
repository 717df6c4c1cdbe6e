using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary><c>ext inspect &lt;file&gt; [--json]</c>: the worlds a component implements, its imports and exports.</summary>
internal static class InspectCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string>("file") { Description = "A component: .wasm, or component text (.wat)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("inspect", "Show the worlds a component implements, its imports and its exports with signatures.") { file, json };
        command.SetAction((parse, cancellationToken) =>
            CliAction.RunAsync(error, () => InspectAsync(parse.GetRequiredValue(file), parse.GetValue(json), output, cancellationToken), parse.GetValue(json)));
        return command;
    }

    private static async Task<int> InspectAsync(string path, bool asJson, TextWriter output, CancellationToken cancellationToken)
    {
        using var runtime = new LocalRuntime(fuel: false);
        var component = await runtime.LoadAsync(path, cancellationToken);
        var conformance = WorldConformance.Check(component.Description, WorldCatalog.Default, WasiPolicy.Default);
        var wasi = component.Description.Imports.Select(i => i.Name).Where(WasiInterfaces.IsWasi).Select(WasiInterfaces.Unversioned)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var contractVersion = ContractVersion.Of(component.Description);

        if (asJson)
        {
            var document = new JsonObject
            {
                ["file"] = path,
                ["sha256"] = component.Compiled.Sha256,
                ["sizeBytes"] = component.SizeBytes,
                ["conforms"] = conformance.Conforms,
                ["worlds"] = new JsonArray([.. conformance.Worlds.Select(w => (JsonNode)w.Name)]),
                ["contractVersion"] = contractVersion,
                ["wasi"] = new JsonArray([.. wasi.Select(name => (JsonNode)name)]),
                ["imports"] = DescriptionJson.Items(component.Description.Imports),
                ["exports"] = DescriptionJson.Items(component.Description.Exports),
                ["problems"] = new JsonArray([.. conformance.Problems.Select(p => (JsonNode)new JsonObject
                {
                    ["code"] = p.Code,
                    ["subject"] = p.Subject,
                    ["message"] = p.Message,
                })]),
            };
            await output.WriteLineAsync(document.ToJsonString(CliJson.Indented));
        }
        else
        {
            await WriteTextAsync(output, path, component, conformance, contractVersion, wasi);
        }

        return conformance.Conforms ? ExitCodes.Ok : ExitCodes.DoesNotConform;
    }

    private static async Task WriteTextAsync(
        TextWriter output, string path, LoadedComponent component, ConformanceResult conformance, string? contractVersion, List<string> wasi)
    {
        await output.WriteLineAsync(path);
        await output.WriteLineAsync($"  sha256  {component.Compiled.Sha256}");
        await output.WriteLineAsync($"  size    {component.SizeBytes} bytes");
        await output.WriteLineAsync($"  worlds  {(conformance.Worlds.IsEmpty ? "(none)" : string.Join(", ", conformance.Worlds.Select(w => w.Name)))}");
        await output.WriteLineAsync($"  targets {ContractVersion.Display(contractVersion) ?? "(no saas:extensibility interface)"}");
        await output.WriteLineAsync($"  wasi    {(wasi.Count == 0 ? "(none)" : string.Join(", ", wasi))}");
        await WriteItemsAsync(output, "imports", component.Description.Imports);
        await WriteItemsAsync(output, "exports", component.Description.Exports);
        if (!conformance.Problems.IsEmpty)
        {
            await output.WriteLineAsync("problems");
            foreach (var problem in conformance.Problems)
            {
                await output.WriteLineAsync($"  {problem.Code}: {problem.Message}");
            }
        }
    }

    private static async Task WriteItemsAsync(TextWriter output, string heading, IReadOnlyCollection<ComponentItem> items)
    {
        await output.WriteLineAsync(heading);
        if (items.Count == 0)
        {
            await output.WriteLineAsync("  (none)");
        }

        foreach (var item in items)
        {
            if (item.Signature is { } signature)
            {
                await output.WriteLineAsync($"  {item.Name}: {WitTypeFormatter.Format(signature)}");
                continue;
            }

            // WASI interfaces are the toolchain's, with dozens of resource methods: one line each (--json lists them).
            if (WasiInterfaces.IsWasi(item.Name))
            {
                await output.WriteLineAsync($"  {item.Name} (wasi, {item.Functions.Length} function(s))");
                continue;
            }

            await output.WriteLineAsync($"  {item.Name} ({DescriptionJson.KindName(item.Kind)})");
            foreach (var function in item.Functions)
            {
                await output.WriteLineAsync($"    {function.Name}: {WitTypeFormatter.Format(function.Signature)}");
            }
        }
    }
}
