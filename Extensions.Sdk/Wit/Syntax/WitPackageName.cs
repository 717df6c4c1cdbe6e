namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>A package name: <c>namespace:name@version</c>, e.g. <c>saas:extensibility@1.0.0</c>.</summary>
public sealed class WitPackageName : IEquatable<WitPackageName>
{
    /// <summary>Creates a package name.</summary>
    /// <param name="namespace">The namespace, e.g. <c>saas</c> (nested namespaces joined by <c>:</c>).</param>
    /// <param name="name">The package, e.g. <c>extensibility</c>.</param>
    /// <param name="version">The version, if any.</param>
    public WitPackageName(string @namespace, string name, WitVersion? version)
    {
        Namespace = @namespace;
        Name = name;
        Version = version;
    }

    /// <summary>The namespace, e.g. <c>saas</c>.</summary>
    public string Namespace { get; }

    /// <summary>The package, e.g. <c>extensibility</c>.</summary>
    public string Name { get; }

    /// <summary>The version, if any.</summary>
    public WitVersion? Version { get; }

    /// <summary>Formats the name of an interface of this package, as components import and export it: <c>saas:extensibility/logging@1.0.0</c>.</summary>
    /// <param name="item">The interface (or world) name.</param>
    /// <returns>The qualified name.</returns>
    public string Qualify(string item) => $"{Namespace}:{Name}/{item}" + (Version is null ? string.Empty : "@" + Version);

    /// <summary>Whether two names are equal, version included.</summary>
    /// <param name="other">The other name.</param>
    /// <returns><see langword="true"/> when namespace, name and version are equal.</returns>
    public bool Equals(WitPackageName? other) =>
        other is not null && string.Equals(Namespace, other.Namespace, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.Ordinal) && Equals(Version, other.Version);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as WitPackageName);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(ToString());

    /// <summary>Formats the name: <c>namespace:name@version</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"{Namespace}:{Name}" + (Version is null ? string.Empty : "@" + Version);
}
