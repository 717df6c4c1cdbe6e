using System.Text.Json;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;

namespace ExtensibilityHost.Core.Versions;

/// <summary>
/// The JSON columns of <see cref="ComponentVersion"/>: matched worlds (an array of names) and
/// imports/exports (<see cref="VersionItem"/>s with formatted signatures), written once at upload.
/// </summary>
public static class VersionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The worlds column for <paramref name="worlds"/>.</summary>
    public static string FromWorlds(IEnumerable<WorldDefinition> worlds) =>
        JsonSerializer.Serialize(worlds.Select(w => w.Name).ToList(), Options);

    /// <summary>The imports or exports column for <paramref name="items"/>.</summary>
    public static string FromItems(IEnumerable<ComponentItem> items) =>
        JsonSerializer.Serialize(items.Select(ToItem).ToList(), Options);

    /// <summary>Reads a worlds column.</summary>
    public static IReadOnlyList<string> Worlds(string json) =>
        JsonSerializer.Deserialize<List<string>>(json, Options) ?? [];

    /// <summary>Reads an imports or exports column.</summary>
    public static IReadOnlyList<VersionItem> Items(string json) =>
        JsonSerializer.Deserialize<List<VersionItem>>(json, Options) ?? [];

    /// <summary>The WASI interfaces an imports column names, without version, ordered: a capability summary for review.</summary>
    public static IReadOnlyList<string> Wasi(string importsJson) =>
        [.. Items(importsJson).Select(i => i.Name).Where(WasiInterfaces.IsWasi).Select(WasiInterfaces.Unversioned).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// The <c>saas:extensibility</c> version an imports and an exports column name, e.g. <c>1.1.0</c>,
    /// or null (see <see cref="Components.ContractVersion"/>): derived on read, so versions uploaded
    /// before it was shown have it too.
    /// </summary>
    public static string? ContractVersion(string importsJson, string exportsJson) =>
        Components.ContractVersion.Of(Items(importsJson).Concat(Items(exportsJson)).Select(i => i.Name));

    private static VersionItem ToItem(ComponentItem item) => new()
    {
        Name = item.Name,
        Kind = item.Kind == ComponentItemKind.CoreFunction ? "core-function" : item.Kind.ToString().ToLowerInvariant(),
        Signature = item.Signature is { } signature ? WitTypeFormatter.Format(signature) : null,
        Functions = item.Kind == ComponentItemKind.Instance
            ? item.Functions.Select(f => new VersionFunction(f.Name, WitTypeFormatter.Format(f.Signature))).ToList()
            : null,
    };
}
