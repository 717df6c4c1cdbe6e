using ExtensibilityHost.Core.Invocations;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>
/// Stands in for the runner on a node that is about to die: it takes the delivery and never
/// finishes it, so the test can kill the node with a delivery in flight.
/// </summary>
internal sealed class HangingRunner : IExtensionRunner
{
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Entered => _entered.Task;

    public async Task<ExtensionCallResult> RunAsync(ExtensionRunRequest request, CancellationToken cancellationToken = default)
    {
        _entered.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable: the delay above only ends by cancellation");
    }
}
