namespace ExtensibilityHost.Core.Components;

/// <summary>
/// Which version of <c>saas:extensibility</c> a component targets, read from the names of its
/// imports and exports: what inspection, review and the portal show next to its worlds.
/// </summary>
/// <remarks>
/// A component names the contract version in every <c>saas:extensibility/…@x.y.z</c> item it
/// imports or exports. Toolchains may mix versions (a 1.1 handler that still imports
/// <c>logging@1.0.0</c>); the highest one is what the component needs from the host, so that is the
/// version it targets. A component with no such item (a world of its own, e.g. <c>acme:shop</c>)
/// targets none.
/// </remarks>
public static class ContractVersion
{
    /// <summary>The WIT package whose version this is.</summary>
    public const string Package = "saas:extensibility";

    private const string Prefix = Package + "/";

    /// <summary>The version <paramref name="description"/> targets, e.g. <c>1.1.0</c>, or null when it uses no <c>saas:extensibility</c> interface.</summary>
    /// <param name="description">The component's imports and exports.</param>
    public static string? Of(ComponentDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        return Of(description.Imports.Concat(description.Exports).Select(item => item.Name));
    }

    /// <summary>The highest <c>saas:extensibility</c> version among <paramref name="itemNames"/>, or null when none names one.</summary>
    /// <param name="itemNames">Import and export names, e.g. <c>saas:extensibility/logging@1.0.0</c>.</param>
    public static string? Of(IEnumerable<string> itemNames)
    {
        ArgumentNullException.ThrowIfNull(itemNames);
        string? highest = null;
        Version? highestOrder = null;
        foreach (var name in itemNames)
        {
            if (VersionIn(name) is not { } version || Order(version) is not { } order)
            {
                continue;
            }

            if (highestOrder is null || order > highestOrder)
            {
                (highest, highestOrder) = (version, order);
            }
        }

        return highest;
    }

    /// <summary><c>saas:extensibility@<paramref name="version"/></c>, or null for no version: how the portal and the CLI name it.</summary>
    /// <param name="version">A version from <see cref="Of(ComponentDescription)"/>.</param>
    public static string? Display(string? version) => version is null ? null : $"{Package}@{version}";

    private static string? VersionIn(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var at = name.LastIndexOf('@');
        return at > Prefix.Length && at < name.Length - 1 ? name[(at + 1)..] : null;
    }

    /// <summary>The numeric part of a semantic version (<c>1.2.0</c> of <c>1.2.0-rc.1</c>) for ordering; null when it is not one.</summary>
    private static Version? Order(string version)
    {
        var end = version.IndexOfAny(['-', '+']);
        return Version.TryParse(end < 0 ? version : version[..end], out var parsed) ? parsed : null;
    }
}
