namespace ExtensibilityHost.Core.Persistence;

/// <summary>The per-scope (per-request) <see cref="ITenantScope"/>, set once authentication knows the caller.</summary>
public sealed class TenantScope : ITenantScope
{
    /// <inheritdoc/>
    public string? TenantId { get; private set; }

    /// <summary>Restricts this scope to <paramref name="tenantId"/>.</summary>
    /// <exception cref="InvalidOperationException">The scope is already restricted to another tenant.</exception>
    public void Restrict(string tenantId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        if (TenantId is not null && TenantId != tenantId)
        {
            throw new InvalidOperationException($"This scope already acts for tenant '{TenantId}'.");
        }

        TenantId = tenantId;
    }
}
