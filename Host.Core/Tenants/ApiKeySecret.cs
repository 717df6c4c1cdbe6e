using System.Security.Cryptography;
using System.Text;

namespace ExtensibilityHost.Core.Tenants;

/// <summary>A newly generated API key: the secret (shown once) and what is stored of it.</summary>
/// <param name="Key">The whole key, <c>ehk_</c> followed by 43 base64url characters (256 random bits).</param>
/// <param name="Prefix">The first 12 characters, stored in clear for lookup and display.</param>
/// <param name="Hash">SHA-256 of the key, lowercase hex.</param>
public sealed record ApiKeySecret(string Key, string Prefix, string Hash)
{
    /// <summary>Every key starts with this, so a leaked key is recognisable (secret scanners, logs).</summary>
    public const string Marker = "ehk_";

    /// <summary>Length of <see cref="Prefix"/>.</summary>
    public const int PrefixLength = 12;

    /// <summary>Generates a new random key.</summary>
    public static ApiKeySecret Generate()
    {
        var key = Marker + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return FromKey(key);
    }

    /// <summary>Describes a key chosen by the operator (e.g. <c>EXTHOST_ADMIN_KEY</c>).</summary>
    /// <exception cref="ArgumentException">The key is too short to be a secret.</exception>
    public static ApiKeySecret FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < 24)
        {
            throw new ArgumentException("An API key must be at least 24 characters long.", nameof(key));
        }

        return new ApiKeySecret(key, key[..PrefixLength], HashOf(key));
    }

    /// <summary>SHA-256 of a presented key, lowercase hex.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The key is not shown by <c>ToString</c>, so it cannot leak into a log by accident.</summary>
    public override string ToString() => $"ApiKeySecret {{ Prefix = {Prefix} }}";
}
