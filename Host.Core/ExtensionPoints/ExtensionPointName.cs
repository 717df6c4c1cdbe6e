using ExtensibilityHost.Core.Persistence.Configurations;

namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>
/// Point names: lowercase letters and digits in parts joined by one <c>.</c>, <c>-</c> or <c>_</c>
/// (<c>pricing.discount</c>), at most 200 characters, so a name is a URL segment without escaping.
/// </summary>
internal static class ExtensionPointName
{
    public const int MaxLength = Lengths.PointName;

    public static bool IsValid(string? name)
    {
        if (name is not { Length: > 0 and <= MaxLength } || IsSeparator(name[0]) || IsSeparator(name[^1]))
        {
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var valid = char.IsAsciiDigit(c) || c is >= 'a' and <= 'z' || (IsSeparator(c) && !IsSeparator(name[i - 1]));
            if (!valid)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSeparator(char c) => c is '.' or '-' or '_';
}
