namespace ExtensibilityHost.Core.Invocations.Protection;

/// <summary>A taken concurrency slot of one tenant; disposing it gives the slot back (once).</summary>
internal sealed class TenantSlot(SemaphoreSlim semaphore) : IDisposable
{
    private int _released;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            semaphore.Release();
        }
    }
}
