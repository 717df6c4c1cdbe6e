namespace ExtensibilityHost.Core.Versions;

/// <summary>Where a component version is in its lifecycle.</summary>
public enum VersionStatus
{
    /// <summary>Uploaded and waiting for review.</summary>
    Pending,

    /// <summary>Approved; the one version of its component that runs.</summary>
    Active,

    /// <summary>Was active until a later version was approved; can be rolled back to.</summary>
    Superseded,

    /// <summary>Refused by a reviewer.</summary>
    Rejected,

    /// <summary>Stopped after repeated failures or by an admin; can be re-enabled.</summary>
    Suspended,
}
