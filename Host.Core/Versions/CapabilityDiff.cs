using ExtensibilityHost.Core.Runtime.Imports.Wasi;

namespace ExtensibilityHost.Core.Versions;

/// <summary>
/// What a version imports and exports that the active version of its component does not (and the
/// reverse), by import/export name; <c>Changed…</c> lists names present in both whose functions or
/// signatures differ. What a reviewer looks at first: a new import is a new capability. WASI
/// interfaces are compared without their version (a rebuild against <c>0.2.12</c> instead of
/// <c>0.2.6</c> grants nothing new), in <see cref="AddedWasi"/> and <see cref="RemovedWasi"/>.
/// </summary>
/// <param name="ComparedWith">The active version's number, or null when the component has no active version (everything is added).</param>
/// <param name="AddedImports">Imported by this version only.</param>
/// <param name="RemovedImports">Imported by the active version only.</param>
/// <param name="ChangedImports">Imported by both, with different functions or signatures.</param>
/// <param name="AddedExports">Exported by this version only.</param>
/// <param name="RemovedExports">Exported by the active version only.</param>
/// <param name="ChangedExports">Exported by both, with different functions or signatures.</param>
/// <param name="AddedWasi">WASI interfaces (without version) imported by this version only.</param>
/// <param name="RemovedWasi">WASI interfaces (without version) imported by the active version only.</param>
/// <param name="ContractVersion">The <c>saas:extensibility</c> version this version targets (e.g. <c>1.1.0</c>), or null when it uses none.</param>
/// <param name="ComparedContractVersion">The <c>saas:extensibility</c> version the active version targets; null when there is no active version or it uses none.</param>
public sealed record CapabilityDiff(
    int? ComparedWith,
    IReadOnlyList<string> AddedImports,
    IReadOnlyList<string> RemovedImports,
    IReadOnlyList<string> ChangedImports,
    IReadOnlyList<string> AddedExports,
    IReadOnlyList<string> RemovedExports,
    IReadOnlyList<string> ChangedExports,
    IReadOnlyList<string> AddedWasi,
    IReadOnlyList<string> RemovedWasi,
    string? ContractVersion,
    string? ComparedContractVersion)
{
    /// <summary>
    /// Whether the version targets another <c>saas:extensibility</c> version than the active one
    /// (e.g. <c>1.0.0</c> → <c>1.1.0</c>: the handler now gets the event's metadata and may import
    /// outbound HTTP). False when there is no active version to compare with.
    /// </summary>
    public bool ContractVersionChanged => ComparedWith is not null && !string.Equals(ContractVersion, ComparedContractVersion, StringComparison.Ordinal);

    /// <summary>Compares <paramref name="version"/> with <paramref name="active"/> (null: no active version).</summary>
    public static CapabilityDiff Between(ComponentVersion version, ComponentVersion? active)
    {
        ArgumentNullException.ThrowIfNull(version);
        var (addedImports, removedImports, changedImports) = Compare(version.ImportsJson, active?.ImportsJson, excludeWasi: true);
        var (addedExports, removedExports, changedExports) = Compare(version.ExportsJson, active?.ExportsJson, excludeWasi: false);
        var wasi = VersionJson.Wasi(version.ImportsJson);
        var activeWasi = active is null ? [] : VersionJson.Wasi(active.ImportsJson);
        return new CapabilityDiff(
            active?.Number, addedImports, removedImports, changedImports, addedExports, removedExports, changedExports,
            [.. wasi.Except(activeWasi, StringComparer.Ordinal)],
            [.. activeWasi.Except(wasi, StringComparer.Ordinal)],
            VersionJson.ContractVersion(version.ImportsJson, version.ExportsJson),
            active is null ? null : VersionJson.ContractVersion(active.ImportsJson, active.ExportsJson));
    }

    private static (List<string> Added, List<string> Removed, List<string> Changed) Compare(string json, string? baselineJson, bool excludeWasi)
    {
        var items = Read(json, excludeWasi);
        var baseline = baselineJson is null ? [] : Read(baselineJson, excludeWasi);
        var added = items.Keys.Where(name => !baseline.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var removed = baseline.Keys.Where(name => !items.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
        var changed = items.Values
            .Where(item => baseline.TryGetValue(item.Name, out var before) && !SameShape(item, before))
            .Select(item => item.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return (added, removed, changed);
    }

    private static Dictionary<string, VersionItem> Read(string json, bool excludeWasi) =>
        VersionJson.Items(json).Where(i => !excludeWasi || !WasiInterfaces.IsWasi(i.Name)).ToDictionary(i => i.Name, StringComparer.Ordinal);

    private static bool SameShape(VersionItem a, VersionItem b) =>
        a.Kind == b.Kind
        && a.Signature == b.Signature
        && (a.Functions ?? []).SequenceEqual(b.Functions ?? []);
}
