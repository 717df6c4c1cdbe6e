using ExtensibilityHost.Core.Storage;

namespace ExtensibilityHost.Core.Versions;

/// <summary>
/// Component names: lowercase slugs by the same rule as tenant ids (<c>[a-z0-9][a-z0-9-]{1,62}</c>),
/// so a name is safe in a URL segment and a log line without escaping.
/// </summary>
public static class ComponentName
{
    /// <summary>Whether <paramref name="value"/> is a valid component name.</summary>
    public static bool IsValid(string? value) => TenantId.IsValid(value);

    /// <summary>What a valid name looks like, for error messages.</summary>
    public const string Rule = "a lowercase slug of 2-63 characters: letters, digits and '-', starting with a letter or digit (e.g. 'order-hooks')";
}
