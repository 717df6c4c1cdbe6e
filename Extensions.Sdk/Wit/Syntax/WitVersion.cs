namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A semantic version as written after <c>@</c>: <c>1.0.0</c>, <c>0.2.0-rc.1+build.5</c>.</summary>
public sealed class WitVersion : IEquatable<WitVersion>
{
    /// <summary>Creates a version.</summary>
    /// <param name="major">The major version.</param>
    /// <param name="minor">The minor version.</param>
    /// <param name="patch">The patch version.</param>
    /// <param name="prerelease">The pre-release part after <c>-</c>, if any.</param>
    /// <param name="build">The build metadata after <c>+</c>, if any.</param>
    public WitVersion(ulong major, ulong minor, ulong patch, string? prerelease, string? build)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        Prerelease = prerelease;
        Build = build;
    }

    /// <summary>The major version.</summary>
    public ulong Major { get; }

    /// <summary>The minor version.</summary>
    public ulong Minor { get; }

    /// <summary>The patch version.</summary>
    public ulong Patch { get; }

    /// <summary>The pre-release part after <c>-</c> (<c>rc.1</c>), if any.</summary>
    public string? Prerelease { get; }

    /// <summary>The build metadata after <c>+</c>, if any.</summary>
    public string? Build { get; }

    /// <summary>Whether two versions are written the same.</summary>
    /// <param name="other">The other version.</param>
    /// <returns><see langword="true"/> when every part is equal.</returns>
    public bool Equals(WitVersion? other) =>
        other is not null && Major == other.Major && Minor == other.Minor && Patch == other.Patch
        && string.Equals(Prerelease, other.Prerelease, StringComparison.Ordinal)
        && string.Equals(Build, other.Build, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WitVersion);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Formats the version as written: <c>1.0.0-rc.1+build.5</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"{Major}.{Minor}.{Patch}")
        + (Prerelease is null ? string.Empty : "-" + Prerelease)
        + (Build is null ? string.Empty : "+" + Build);
}
