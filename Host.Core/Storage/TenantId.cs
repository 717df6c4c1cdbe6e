namespace ExtensibilityHost.Core.Storage;

/// <summary>
/// Tenant ids: lowercase slugs of 2 to 63 characters (<c>[a-z0-9][a-z0-9-]{1,62}</c>), so an id
/// is safe as a directory name, a blob-name prefix and a URL segment without escaping.
/// </summary>
public static class TenantId
{
    /// <summary>The longest tenant id.</summary>
    public const int MaxLength = 63;

    /// <summary>Whether <paramref name="value"/> is a valid tenant id.</summary>
    /// <remarks>Checked character by character rather than with a regex: <c>$</c> would also accept a trailing newline.</remarks>
    public static bool IsValid(string? value) =>
        value is { Length: >= 2 and <= MaxLength }
        && IsLowerAlphanumeric(value[0])
        && value.AsSpan(1).ContainsAnyExcept(Allowed) is false;

    /// <summary>Returns <paramref name="value"/> if it is a valid tenant id; used before an id becomes part of a path or blob name.</summary>
    /// <exception cref="ArgumentException">Not a lowercase slug of 2 to 63 characters.</exception>
    public static string Require(string value) =>
        IsValid(value) ? value : throw new ArgumentException($"'{value}' is not a tenant id (a lowercase slug [a-z0-9][a-z0-9-]{{1,62}}).", nameof(value));

    private static readonly System.Buffers.SearchValues<char> Allowed =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'z';
}
