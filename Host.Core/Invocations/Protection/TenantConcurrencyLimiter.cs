using System.Collections.Concurrent;
using ExtensibilityHost.Core.Invocations.Log;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Invocations.Protection;

/// <summary>
/// One semaphore per tenant, sized by <see cref="InvocationOptions.ConcurrencyLimitOf"/>: at most
/// that many calls of the tenant's code are in flight at once in this process — waiting for an
/// execution slot or running on one (<see cref="GuestCallScheduler"/>).
/// </summary>
internal sealed class TenantConcurrencyLimiter(IOptions<InvocationOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _tenants = new(StringComparer.Ordinal);

    /// <summary>
    /// Takes a slot of <paramref name="tenantId"/>: waits for one when <paramref name="wait"/> is set,
    /// otherwise returns <see langword="null"/> at once when the tenant is at its limit.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled while waiting.</exception>
    public async ValueTask<TenantSlot?> AcquireAsync(string tenantId, bool wait, CancellationToken cancellationToken)
    {
        var semaphore = _tenants.GetOrAdd(tenantId, static (id, limits) => new SemaphoreSlim(limits.ConcurrencyLimitOf(id)), options.Value);
        if (wait)
        {
            await semaphore.WaitAsync(cancellationToken);
        }
        else if (!semaphore.Wait(0, CancellationToken.None))
        {
            return null;
        }

        return new TenantSlot(semaphore);
    }
}
