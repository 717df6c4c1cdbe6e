namespace ExtensibilityHost.Core.Invocations.Running;

/// <summary>
/// The <see cref="IExtensionRunner"/>: admission (<see cref="ExtensionAdmission"/>: resolve the
/// active version, kill switches, a concurrency slot), the compiled component
/// (<see cref="CompiledVersionLoader"/>), execution (<see cref="ExtensionExecutor"/>: sandbox,
/// invocation log, circuit breaker).
/// </summary>
/// <remarks>
/// Split in two stages (<see cref="PrepareAsync"/>, then <see cref="RunAsync(PreparedExtension, ExtensionRunRequest, CancellationToken)"/>)
/// so JSON callers can convert their arguments with the types of the very version that will run.
/// A version that cannot be loaded (its blob missing or corrupt) is an infrastructure fault: it
/// throws, is not recorded and does not feed the breaker, since it says nothing about tenant code.
/// </remarks>
internal sealed class ExtensionRunner(ExtensionAdmission admission, CompiledVersionLoader loader, ExtensionExecutor executor) : IExtensionRunner
{
    public async Task<ExtensionCallResult> RunAsync(ExtensionRunRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        switch (await PrepareAsync(request.TenantId, request.ComponentName, request.WaitForSlot, cancellationToken))
        {
            case Preparation.Ready(var extension):
                using (extension)
                {
                    return await RunAsync(extension, request, cancellationToken);
                }

            case Preparation.Refused(var refused):
                return refused;
            default:
                throw new InvalidOperationException("unreachable: a preparation is ready or refused");
        }
    }

    /// <summary>Admits the call and loads the compiled component.</summary>
    /// <exception cref="OperationCanceledException">Cancelled, including while waiting for a slot.</exception>
    /// <exception cref="InvalidOperationException">The active version's binary is missing from blob storage.</exception>
    /// <exception cref="Storage.ComponentBlobCorruptedException">The active version's binary is corrupt.</exception>
    public async Task<Preparation> PrepareAsync(string tenantId, string componentName, bool waitForSlot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(componentName);
        switch (await admission.AdmitAsync(tenantId, componentName, waitForSlot, cancellationToken))
        {
            case Admission.Admitted(var version, var slot):
                try
                {
                    var compiled = await loader.LoadAsync(tenantId, componentName, version, cancellationToken);
                    return new Preparation.Ready(new PreparedExtension(tenantId, componentName, version, compiled, slot));
                }
                catch
                {
                    slot.Dispose();
                    throw;
                }

            case Admission.Refused(var status, var reason):
                return new Preparation.Refused(ExtensionCallResult.Refused(status, reason));
            default:
                throw new InvalidOperationException("unreachable: an admission is admitted or refused");
        }
    }

    /// <summary>Runs one call of a prepared extension, records it and feeds the breaker.</summary>
    public Task<ExtensionCallResult> RunAsync(PreparedExtension extension, ExtensionRunRequest request, CancellationToken cancellationToken) =>
        executor.ExecuteAsync(extension, request, cancellationToken);
}
