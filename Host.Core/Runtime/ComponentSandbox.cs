using System.Diagnostics;
using Wasmtime;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// Runs one call of a component export in a fresh store with the call's limits: memory, tables,
/// instances, an epoch deadline and (when the engine meters it) fuel. The store is dropped after
/// the call whatever happened, so nothing leaks from one call, or one tenant, into the next.
/// </summary>
/// <remarks>
/// <see cref="Invoke"/> is a synchronous native call that occupies its thread for up to the
/// call's timeout. Callers run it with bounded concurrency off the request pipeline.
/// </remarks>
public sealed class ComponentSandbox(SandboxEngine engine)
{
    /// <summary>Instantiates <paramref name="component"/> and calls <paramref name="target"/> once.</summary>
    /// <param name="component">A component compiled by the same engine.</param>
    /// <param name="target">The export to call.</param>
    /// <param name="arguments">Arguments, already converted to the function's WIT types.</param>
    /// <param name="context">Who the call runs for; visible to host imports.</param>
    /// <param name="limits">The call's limits, or the engine's defaults.</param>
    public InvocationResult Invoke(
        CompiledComponent component,
        InvocationTarget target,
        IReadOnlyList<ComponentValue> arguments,
        InvocationContext context,
        SandboxLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var options = engine.Options;
        limits ??= options.DefaultLimits;
        if (limits.MemoryBytes > options.PoolMaxMemoryBytes)
        {
            limits = limits with { MemoryBytes = options.PoolMaxMemoryBytes };
        }

        var started = Stopwatch.GetTimestamp();
        var scope = new InvocationScope(context, new GuestLog(options.MaxLogLines, options.MaxLogLineLength, options.MaxLogTotalLength, started));
        ulong? fuelBudget = options.EnableFuel ? limits.Fuel ?? options.DefaultFuel : null;
        ulong? fuelLeft = null;

        InvocationOutcome outcome;
        TrapKind? trap = null;
        ComponentValue? output = null;
        string? error = null;

        if (component.Refusal is { } refusal)
        {
            return new InvocationResult
            {
                Outcome = InvocationOutcome.HostError,
                Error = refusal,
                Duration = Stopwatch.GetElapsedTime(started),
                Logs = [],
                Context = context,
                Limits = limits,
            };
        }

        var previous = InvocationScope.Enter(scope);
        try
        {
            using var store = new Store(engine.Engine);
            store.SetLimits(
                memorySize: limits.MemoryBytes,
                tableElements: limits.TableElements,
                instances: limits.Instances,
                tables: limits.Tables,
                memories: limits.Memories + component.AddedMemories);
            if (fuelBudget is { } budget)
            {
                store.Fuel = budget;
            }

            engine.AdvanceEpoch();
            store.SetEpochDeadline(DeadlineTicks(limits.Timeout, options.EpochTick));
            scope.StartDeadline(limits.Timeout);
            try
            {
                foreach (var capability in engine.Capabilities)
                {
                    capability.PrepareStore(store, component, scope);
                }

                (outcome, output, error) = Call(store, component, target, arguments);
            }
            catch (WasmtimeException exception)
            {
                (outcome, trap, error) = OutcomeClassifier.Classify(exception, scope.HostFault);
            }
            finally
            {
                if (fuelBudget is not null)
                {
                    fuelLeft = store.Fuel;
                }
            }
        }
        finally
        {
            InvocationScope.Exit(previous);
            scope.Complete();
        }

        return new InvocationResult
        {
            Outcome = outcome,
            Trap = trap,
            Output = output,
            Error = error,
            Duration = Stopwatch.GetElapsedTime(started),
            FuelConsumed = fuelBudget - fuelLeft,
            Logs = scope.Log.Lines,
            LogsDropped = scope.Log.Dropped,
            Context = context,
            Limits = limits,
        };
    }

    private (InvocationOutcome, ComponentValue?, string?) Call(
        Store store, CompiledComponent component, InvocationTarget target, IReadOnlyList<ComponentValue> arguments)
    {
        (target, arguments) = ContractResolution.Resolve(component, target, arguments);
        var instance = engine.Linker.Instantiate(store, component.Component);
        var function = target.Interface is null
            ? instance.GetFunction(target.Function)
            : instance.GetFunction(target.Interface, target.Function);
        if (function is null)
        {
            return (InvocationOutcome.HostError, null, $"the component has no export '{target}'");
        }

        if (function.ParameterCount != arguments.Count)
        {
            return (InvocationOutcome.HostError, null,
                $"'{target}' takes {function.ParameterCount} argument(s) but {arguments.Count} were given");
        }

        var output = function.Call(arguments);
        return output is { Kind: ComponentValueKind.Result, IsOk: false }
            ? (InvocationOutcome.GuestError, output, GuestFailure.Describe(output.Payload) is { } failure
                ? "the component returned an error: " + failure
                : "the component returned an error")
            : (InvocationOutcome.Ok, output, null);
    }


    private static ulong DeadlineTicks(TimeSpan timeout, TimeSpan tick) =>
        (ulong)Math.Max(1, Math.Ceiling(timeout / tick));
}
