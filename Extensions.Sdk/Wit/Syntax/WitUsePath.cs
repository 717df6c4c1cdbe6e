namespace ExtensibilityHost.Sdk.Wit.Syntax;

/// <summary>
/// A path to an interface or world: a bare name of the current package or the file's scope
/// (<c>types</c>), or a qualified name in another package (<c>saas:extensibility/logging@1.0.0</c>).
/// </summary>
public sealed class WitUsePath : WitNode
{
    /// <summary>Creates a path.</summary>
    /// <param name="location">Where the path is.</param>
    /// <param name="package">The package of a qualified path; <see langword="null"/> for a bare name.</param>
    /// <param name="name">The interface or world name.</param>
    public WitUsePath(WitLocation location, WitPackageName? package, string name)
        : base(location)
    {
        Package = package;
        Name = name;
    }

    /// <summary>The package of a qualified path; <see langword="null"/> for a bare name.</summary>
    public WitPackageName? Package { get; }

    /// <summary>The interface or world name.</summary>
    public string Name { get; }

    /// <summary>Formats the path as written (without <c>%</c> escapes).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Package is null ? Name : Package.Qualify(Name);
}
