using System.Security.Cryptography;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>SHA-256 identities of component binaries (lowercase hex).</summary>
public static class ComponentHash
{
    /// <summary>The SHA-256 of <paramref name="bytes"/>, lowercase hex.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Whether <paramref name="value"/> is 64 lowercase hex digits.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: 64 } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    /// <summary>Returns <paramref name="value"/> if it is a valid hash; used before a hash becomes part of a path.</summary>
    /// <exception cref="ArgumentException">Not 64 lowercase hex digits.</exception>
    public static string Require(string value) =>
        IsValid(value) ? value : throw new ArgumentException($"'{value}' is not a lowercase hex SHA-256.", nameof(value));
}
