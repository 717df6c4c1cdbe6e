namespace ExtensibilityHost.Core.Invocations.Protection;

/// <summary>What <see cref="ExtensionProtection.ReenableAsync"/> did.</summary>
public enum VersionReenableStatus
{
    /// <summary>The version is active again, its failure count reset, the decision audited.</summary>
    Reenabled,

    /// <summary>No such version (or not visible to the caller's tenant scope).</summary>
    NotFound,

    /// <summary>The version is not suspended (an admin or another request got there first).</summary>
    NotSuspended,

    /// <summary>Another version of the component was approved meanwhile and is active; roll back instead.</summary>
    AnotherVersionActive,
}
