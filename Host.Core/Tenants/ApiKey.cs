namespace ExtensibilityHost.Core.Tenants;

/// <summary>
/// A hashed API key. The key itself is shown once at creation and never stored.
/// </summary>
/// <remarks>
/// Keys are 256-bit random secrets, so a single SHA-256 is a sound verifier (a slow password
/// hash protects low-entropy secrets, which these are not). Lookup is by <see cref="Prefix"/>,
/// then a constant-time comparison of the hash.
/// </remarks>
public sealed class ApiKey
{
    /// <summary>Key id.</summary>
    public required Guid Id { get; init; }

    /// <summary>The tenant the key acts for; <see langword="null"/> for an admin key.</summary>
    public string? TenantId { get; init; }

    /// <summary>Whether this is an admin key.</summary>
    public required bool IsAdmin { get; init; }

    /// <summary>The key's first characters, stored in clear for lookup and display.</summary>
    public required string Prefix { get; init; }

    /// <summary>SHA-256 of the whole key (lowercase hex).</summary>
    public required string Hash { get; init; }

    /// <summary>What the key is for.</summary>
    public required string Name { get; init; }

    /// <summary>When the key was created (UTC).</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>When the key was revoked, if it was.</summary>
    public DateTime? RevokedAt { get; set; }
}
