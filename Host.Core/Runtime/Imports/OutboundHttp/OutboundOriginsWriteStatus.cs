namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>What <see cref="OutboundOriginsEditor.ReplaceAsync"/> did.</summary>
public enum OutboundOriginsWriteStatus
{
    /// <summary>The component's list is now the one given (possibly unchanged).</summary>
    Replaced,

    /// <summary>The tenant does not exist; nothing was written.</summary>
    TenantNotFound,

    /// <summary>The tenant has no component of that name; nothing was written.</summary>
    ComponentNotFound,
}
