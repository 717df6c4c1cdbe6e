using ExtensibilityHost.Core.Invocations;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>
/// The real runner on a node whose calls each take <paramref name="duration"/> of the manual clock,
/// so a batch can outlive its lease; <see cref="AfterCall"/> lets another node act in the middle.
/// </summary>
internal sealed class SlowRunner(IExtensionRunner inner, ManualTimeProvider clock, TimeSpan duration) : IExtensionRunner
{
    private int _calls;

    /// <summary>Runs after the call numbered by its argument (1-based) and before its result is returned.</summary>
    public Func<int, Task>? AfterCall { get; set; }

    public async Task<ExtensionCallResult> RunAsync(ExtensionRunRequest request, CancellationToken cancellationToken = default)
    {
        clock.Advance(duration);
        var result = await inner.RunAsync(request, cancellationToken);
        if (AfterCall is { } afterCall)
        {
            await afterCall(Interlocked.Increment(ref _calls));
        }

        return result;
    }
}
