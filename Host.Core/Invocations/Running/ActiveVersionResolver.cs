using ExtensibilityHost.Core.Caching;
using ExtensibilityHost.Core.Persistence;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Core.Invocations.Running;

/// <summary>
/// Finds what a call of a tenant's component would run: the component, its and its tenant's kill
/// switches, and its active version — or, when it has none, why (the latest suspension's reason).
/// Cached per node (<see cref="NodeCache{TKey, TValue}"/>): approvals, roll-backs, suspensions,
/// re-enables, kill switches and new components stamp a change (<see cref="HostChanges"/>), so the
/// hot path reads the database only after one.
/// </summary>
internal sealed class ActiveVersionResolver(IServiceScopeFactory scopes, HostChanges changes)
{
    private readonly NodeCache<(string Tenant, string Component), ResolvedComponent?> _components = new(changes);
    private readonly NodeCache<string, bool> _tenants = new(changes);

    public ValueTask<ResolvedComponent?> ResolveAsync(string tenantId, string componentName, CancellationToken cancellationToken) =>
        _components.GetOrLoadAsync((tenantId, componentName), scopes, static (key, scopes, ct) => LoadAsync(scopes, key.Tenant, key.Component, ct), cancellationToken);

    /// <summary>Whether the tenant exists, to tell "no such tenant" from "no such component".</summary>
    public ValueTask<bool> TenantExistsAsync(string tenantId, CancellationToken cancellationToken) =>
        _tenants.GetOrLoadAsync(tenantId, scopes, static async (tenantId, scopes, ct) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<HostDbContext>().Tenants.AnyAsync(t => t.Id == tenantId, ct);
        }, cancellationToken);

    private static async Task<ResolvedComponent?> LoadAsync(IServiceScopeFactory scopes, string tenantId, string componentName, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();

        // Tenant switch, component switch and active version together, as joins (a correlated
        // FirstOrDefault would become a window function over every active version).
        var found = await (
            from component in db.Components.AsNoTracking()
            where component.TenantId == tenantId && component.Name == componentName
            join tenant in db.Tenants on component.TenantId equals tenant.Id
            join active in db.Versions.Where(v => v.Status == VersionStatus.Active) on component.Id equals active.ComponentId into actives
            from active in actives.DefaultIfEmpty()
            select new
            {
                component.Id,
                component.Disabled,
                TenantDisabled = tenant.Disabled,
                VersionId = (Guid?)active.Id,
                Number = (int?)active.Number,
                active.Sha256,
            }).FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        if (found is { VersionId: { } versionId, Number: { } number, Sha256: { } sha256 })
        {
            return new ResolvedComponent(found.TenantDisabled, found.Disabled, new ActiveVersion(versionId, number, sha256), null);
        }

        var suspended = await db.Versions.AsNoTracking()
            .Where(v => v.ComponentId == found.Id && v.Status == VersionStatus.Suspended)
            .OrderByDescending(v => v.StatusChangedAt)
            .Select(v => new { v.Number, v.StatusReason })
            .FirstOrDefaultAsync(cancellationToken);
        return new ResolvedComponent(found.TenantDisabled, found.Disabled, null,
            suspended is null ? null : $"version {suspended.Number} is suspended: {suspended.StatusReason}");
    }
}

/// <summary>A component as a call finds it: its switches, and its active version or why it has none.</summary>
internal sealed record ResolvedComponent(bool TenantDisabled, bool ComponentDisabled, ActiveVersion? Active, string? SuspensionReason);

/// <summary>The version a call runs.</summary>
internal sealed record ActiveVersion(Guid Id, int Number, string Sha256);
