namespace ExtensibilityHost.Core.Persistence.Configurations;

/// <summary>Column lengths shared by the entity configurations.</summary>
internal static class Lengths
{
    public const int Slug = 63;
    public const int Name = 200;
    public const int Sha256 = 64;
    public const int EventType = 200;
    public const int Target = 512;
    public const int Reason = 2000;
    public const int SettingKey = 256;
    public const int SettingValue = 4000;
    public const int KeyValueKey = 256;
    public const int Enum = 32;
    public const int PointName = 200;
    public const int Origin = 300;

    /// <summary>Cuts <paramref name="text"/> to a column's length, marking the cut (never between the halves of a surrogate pair).</summary>
    public static string Fit(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var keep = maxLength - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
