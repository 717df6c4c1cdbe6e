using ExtensibilityHost.Core.Invocations.Protection;
namespace ExtensibilityHost.Core.Invocations.Running;

/// <summary>
/// Whether a resolved component may run now: the tenant's and the component's kill switches, an
/// active version (none approved, or the breaker suspended it), and one of the tenant's
/// concurrency slots — waited for by background deliveries, refused at once on request paths.
/// </summary>
internal sealed class ExtensionAdmission(ActiveVersionResolver resolver, TenantConcurrencyLimiter limiter)
{
    public async Task<Admission> AdmitAsync(string tenantId, string componentName, bool waitForSlot, CancellationToken cancellationToken)
    {
        var component = await resolver.ResolveAsync(tenantId, componentName, cancellationToken);
        if (component is null)
        {
            return new Admission.Refused(ExtensionCallStatus.NotFound, await resolver.TenantExistsAsync(tenantId, cancellationToken)
                ? $"tenant '{tenantId}' has no component '{componentName}'"
                : $"tenant '{tenantId}' does not exist");
        }

        if (component.TenantDisabled)
        {
            return new Admission.Refused(ExtensionCallStatus.TenantDisabled, $"tenant '{tenantId}' is disabled");
        }

        if (component.ComponentDisabled)
        {
            return new Admission.Refused(ExtensionCallStatus.ComponentDisabled, $"component '{componentName}' is disabled");
        }

        if (component.Active is not { } version)
        {
            return new Admission.Refused(ExtensionCallStatus.NoActiveVersion, component.SuspensionReason is { } reason
                ? $"component '{componentName}' {reason}"
                : $"component '{componentName}' has no approved version");
        }

        return await limiter.AcquireAsync(tenantId, waitForSlot, cancellationToken) is { } slot
            ? new Admission.Admitted(version, slot)
            : new Admission.Refused(ExtensionCallStatus.ConcurrencyLimited, $"tenant '{tenantId}' is at its concurrency limit");
    }
}

/// <summary>What <see cref="ExtensionAdmission"/> decided.</summary>
internal abstract record Admission
{
    private Admission()
    {
    }

    /// <summary>The call may run <paramref name="Version"/>, holding <paramref name="Slot"/> until it ends.</summary>
    public sealed record Admitted(ActiveVersion Version, TenantSlot Slot) : Admission;

    /// <summary>The call may not run.</summary>
    public sealed record Refused(ExtensionCallStatus Status, string Reason) : Admission;
}
