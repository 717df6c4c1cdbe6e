namespace ExtensibilityHost.Core.Versions;

/// <summary>
/// One import or export of a version as stored and served: the same shape as <c>ext inspect --json</c>
/// (<c>{name, kind, signature}</c> for functions, <c>{name, kind: "instance", functions}</c> for interfaces).
/// </summary>
public sealed record VersionItem
{
    /// <summary>The import or export name, e.g. <c>saas:extensibility/logging@1.0.0</c>.</summary>
    public required string Name { get; init; }

    /// <summary>What it is: <c>instance</c>, <c>function</c>, <c>type</c>, <c>component</c>, <c>module</c>, <c>resource</c> or <c>core-function</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>For a function: its signature as WIT-like text.</summary>
    public string? Signature { get; init; }

    /// <summary>For an instance: its functions with their signatures.</summary>
    public IReadOnlyList<VersionFunction>? Functions { get; init; }
}
