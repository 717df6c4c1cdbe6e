using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Components;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>Imports and exports as JSON: instances with their functions, root functions with their signatures.</summary>
internal static class DescriptionJson
{
    public static JsonArray Items(IEnumerable<ComponentItem> items) => [.. items.Select(Item)];

    public static string KindName(ComponentItemKind kind) => kind switch
    {
        ComponentItemKind.CoreFunction => "core-function",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static JsonObject Item(ComponentItem item)
    {
        var json = new JsonObject { ["name"] = item.Name, ["kind"] = KindName(item.Kind) };
        if (item.Signature is { } signature)
        {
            json["signature"] = WitTypeFormatter.Format(signature);
        }

        if (item.Kind == ComponentItemKind.Instance)
        {
            json["functions"] = new JsonArray([.. item.Functions.Select(f => (JsonNode)new JsonObject
            {
                ["name"] = f.Name,
                ["signature"] = WitTypeFormatter.Format(f.Signature),
            })]);
        }

        return json;
    }
}
