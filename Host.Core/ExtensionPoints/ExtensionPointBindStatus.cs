namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>What <see cref="ExtensionPointBinder.BindComponentAsync"/> did.</summary>
public enum ExtensionPointBindStatus
{
    /// <summary>The point was not bound; now it is.</summary>
    Created,

    /// <summary>The point was bound; now another (or the same) component serves it.</summary>
    Updated,

    /// <summary>No point of that name is configured; nothing was written.</summary>
    UnknownPoint,

    /// <summary>The tenant does not exist; nothing was written.</summary>
    TenantNotFound,
}
