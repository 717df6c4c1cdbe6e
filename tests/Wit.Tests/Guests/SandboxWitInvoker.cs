using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Sdk.Wit.Runtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Wit.Tests.Guests;

/// <summary>An <see cref="IWitInvoker"/> over one compiled component in the host's sandbox: each call instantiates it afresh.</summary>
internal sealed class SandboxWitInvoker(ComponentSandbox sandbox, CompiledComponent component) : IWitInvoker
{
    public Task<ComponentValue?> InvokeAsync(string interfaceName, string function, IReadOnlyList<ComponentValue> arguments, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var result = sandbox.Invoke(
            component,
            new InvocationTarget(interfaceName, function),
            arguments,
            new InvocationContext { TenantId = "acme", ComponentName = "wit-tests", Version = "1" },
            SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(5) });
        return result.Outcome is InvocationOutcome.Ok or InvocationOutcome.GuestError
            ? Task.FromResult(result.Output)
            : throw new WitInvocationException($"{result.Outcome}: {result.Error}");
    }
}
