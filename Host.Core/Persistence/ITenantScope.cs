namespace ExtensibilityHost.Core.Persistence;

/// <summary>
/// The tenant the current unit of work acts for. Every tenant-owned entity has a global query
/// filter on it, so a tenant-scoped request cannot read another tenant's rows even by mistake.
/// </summary>
public interface ITenantScope
{
    /// <summary>The tenant, or <see langword="null"/> for admin and system work (no filter).</summary>
    string? TenantId { get; }
}
