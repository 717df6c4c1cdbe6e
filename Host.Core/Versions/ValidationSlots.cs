using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Versions;

/// <summary>Bounds how many uploads compile at once (<see cref="UploadOptions.MaxConcurrentValidations"/>).</summary>
internal sealed class ValidationSlots(IOptions<UploadOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.MaxConcurrentValidations, options.Value.MaxConcurrentValidations);

    /// <summary>Runs <paramref name="work"/> on the thread pool once a slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            // Compiling (in-process) and loading a worker's artifact are synchronous native work:
            // never on the request's own thread.
            return await Task.Run(() => work(cancellationToken), cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
